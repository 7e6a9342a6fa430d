/**
 * What a browser may upload to the host, and in what sizes: the host enforces it
 * (main/files/uploads), the page uses it to leave out other files and to cut a large folder
 * into requests.
 */

import { DESIGN_EXTENSION } from './design/types';
import { IMAGE_EXTENSIONS } from './training/imageFormats';

/** Dataset images and CSV manifests, designs, and `.onnx` files the Studio exported (to import them). */
export const UPLOAD_EXTENSIONS: readonly string[] = [...IMAGE_EXTENSIONS, '.csv', DESIGN_EXTENSION, '.onnx'];

export const UPLOAD_LIMITS = {
  /** Bytes per file, and per request. */
  fileBytes: 64 * 1024 * 1024,
  requestBytes: 64 * 1024 * 1024,
  filesPerRequest: 2000,
  /** Folders deep, and characters per file or folder name. */
  depth: 16,
  segmentLength: 255,
} as const;

const UNSAFE_CHARACTERS = /[\\:*?"<>|]/;
const hasControlCharacter = (text: string): boolean => [...text].some((char) => char.charCodeAt(0) < 0x20 || char.charCodeAt(0) === 0x7f);

/** Why a relative upload path (`/`-separated) is refused, or null when it is fine. */
export function uploadPathProblem(relative: string): string | null {
  const segments = relative.split('/');
  if (relative === '' || relative.startsWith('/')) return 'is not a relative path';
  if (segments.length > UPLOAD_LIMITS.depth) return `is more than ${UPLOAD_LIMITS.depth} folders deep`;
  for (const segment of segments) {
    if (segment === '' || segment === '.' || segment === '..') return 'has an empty, "." or ".." part';
    if (segment.startsWith('.')) return 'names a hidden file or folder';
    if (segment.length > UPLOAD_LIMITS.segmentLength) return `has a name longer than ${UPLOAD_LIMITS.segmentLength} characters`;
    if (UNSAFE_CHARACTERS.test(segment) || hasControlCharacter(segment)) return 'contains a control character or one of \\ : * ? " < > |';
  }
  const lower = relative.toLowerCase();
  if (!UPLOAD_EXTENSIONS.some((extension) => lower.endsWith(extension))) return `is not a kind of file the Studio reads (${UPLOAD_EXTENSIONS.join(', ')})`;
  return null;
}
