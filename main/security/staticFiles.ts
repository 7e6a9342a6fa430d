/**
 * Resolves a request path to a file of the built renderer, for both the `app://` protocol and
 * the web host. Anything that would leave the renderer folder is refused: `..` in any encoding,
 * and symbolic links, which are resolved before the check.
 */

import { realpath } from 'node:fs/promises';
import { extname, join, normalize, resolve } from 'node:path';
import { isInside } from '../../app/node/files/pathBoundary';

const CONTENT_TYPES: Readonly<Record<string, string>> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
  '.wasm': 'application/wasm',
  '.map': 'application/json; charset=utf-8',
  '.txt': 'text/plain; charset=utf-8',
};

export function contentTypeOf(path: string): string {
  return CONTENT_TYPES[extname(path).toLowerCase()] ?? 'application/octet-stream';
}

/** The real path of the file under `root` that `pathname` names (`/` is index.html), or null when it escapes or is missing. */
export async function resolveStaticPath(root: string, pathname: string): Promise<string | null> {
  let decoded: string;
  try {
    decoded = decodeURIComponent(pathname);
  } catch {
    return null;
  }
  if (decoded.includes('\0')) return null;
  const relativePath = normalize(decoded === '/' || decoded === '' ? '/index.html' : decoded).replace(/^[/\\]+/, '');
  const absoluteRoot = resolve(root);
  const candidate = join(absoluteRoot, relativePath);
  if (!isInside(absoluteRoot, candidate) || candidate === absoluteRoot) return null;
  try {
    const [realRoot, realFile] = await Promise.all([realpath(absoluteRoot), realpath(candidate)]);
    return isInside(realRoot, realFile) && realFile !== realRoot ? realFile : null;
  } catch {
    return null;
  }
}
