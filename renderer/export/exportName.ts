/** Names for what leaves the window (images, charts, models): they follow the design's file name. */

import type { FileRef } from '../../app/protocol';
import { stemOf } from '../documents/hostPaths';

/** A name safe on every file system: letters, digits, `.`, `_` and `-`. */
export const fileSafe = (text: string): string => text.trim().replace(/[^\w.-]+/g, '-').replace(/^[-.]+|-+$/g, '');

/** `net.incept.json` → `net`; an unsaved design goes by its own name. */
export function exportBaseName(file: FileRef | null, designName: string): string {
  return fileSafe(file ? stemOf(file.name) : designName) || 'design';
}
