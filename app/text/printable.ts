/**
 * Text from data (class and file names, design names, labels) made safe to show: control
 * characters (C0, DEL, C1 — terminal escapes among them), direction overrides and isolates, and
 * invisible formatting marks become visible `\uXXXX` escapes, so no such character reaches a
 * terminal or a page. Inside JSON text the escapes are JSON's own, so it reads back the same.
 */

// eslint-disable-next-line no-control-regex -- finding control characters is the point
const UNSAFE = /[\u0000-\u001f\u007f-\u009f\u200b-\u200f\u2028\u2029\u202a-\u202e\u2060-\u2064\u2066-\u2069\ufeff]/g;

/** `text` with every unsafe character escaped, except those in `keep` (`'\n\t'` for multi-line output). */
export function printable(text: string, keep = ''): string {
  return text.replace(UNSAFE, (character) => (keep.includes(character) ? character : `\\u${character.charCodeAt(0).toString(16).padStart(4, '0')}`));
}
