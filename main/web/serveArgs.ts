/** `npm run serve -- [--host H] [--port P] [--root DIR]... [DESIGN]...`: parsed, or a message naming the problem. */

import { resolve } from 'node:path';
import type { Result } from '../../app/result';

export interface ServeOptions {
  host: string;
  port: number;
  /** Folders the browser may read and write; the current folder when none is named. */
  roots: string[];
  /** Designs to open in the first page that connects (as the desktop app opens those on its command line). */
  open?: string[];
}

const SERVE_USAGE = 'usage: npm run serve -- [--host 127.0.0.1] [--port 4780] [--root DIR]... [DESIGN.incept.json]...';
const DEFAULT_PORT = 4780;

export function parseServeArgs(args: readonly string[], cwd: string): Result<ServeOptions> {
  const options: ServeOptions = { host: '127.0.0.1', port: DEFAULT_PORT, roots: [] };
  for (let i = 0; i < args.length; i += 1) {
    const flag = args[i];
    const value = args[i + 1];
    if (!flag.startsWith('-')) {
      options.open = [...(options.open ?? []), resolve(cwd, flag)];
      continue;
    }
    if (flag !== '--host' && flag !== '--port' && flag !== '--root') return { ok: false, error: `unknown argument "${flag}"\n${SERVE_USAGE}` };
    if (value === undefined || value.startsWith('--')) return { ok: false, error: `${flag} needs a value\n${SERVE_USAGE}` };
    i += 1;
    if (flag === '--host') options.host = value;
    if (flag === '--root') options.roots.push(resolve(cwd, value));
    if (flag === '--port') {
      // Digits only: Number() alone would read '' and ' ' as 0 (a random port) and '0x50' as 80.
      if (!/^\d+$/.test(value) || Number(value) > 65_535) return { ok: false, error: `--port: expected a port number 0–65535, found "${value}"` };
      options.port = Number(value);
    }
  }
  if (options.roots.length === 0) options.roots.push(resolve(cwd));
  return { ok: true, value: options };
}
