/**
 * Whether text is JSON cut off part-way (a write torn by a crash) rather than text that goes
 * wrong before it ends: it is a prefix of some valid JSON exactly when closing what is open (the
 * string, its escape, the brackets) after one of a few token endings makes it parse.
 */

/** What a cut-off token may still need: nothing, a value, a key's colon and value, a property, the rest of a literal. */
const TOKEN_ENDINGS = ['', '0', ':0', '"":0', 'rue', 'ue', 'e', 'alse', 'lse', 'se', 'ull', 'll', 'l'];

const parses = (text: string): boolean => {
  try {
    JSON.parse(text);
    return true;
  } catch {
    return false;
  }
};

/** True when `text` is valid JSON or the beginning of some. */
export function isJsonPrefix(text: string): boolean {
  const closers: string[] = [];
  let inString = false;
  let escaped = false;
  for (const char of text) {
    if (inString) {
      if (escaped) escaped = false;
      else if (char === '\\') escaped = true;
      else if (char === '"') inString = false;
    } else if (char === '"') inString = true;
    else if (char === '{' || char === '[') closers.push(char === '{' ? '}' : ']');
    else if ((char === '}' || char === ']') && closers.pop() !== char) return false;
  }
  const unicodeDigits = /\\u([0-9a-fA-F]{0,3})$/.exec(text)?.[1].length;
  const stringEnd = !inString ? '' : escaped ? 'n"' : `${'0'.repeat(unicodeDigits === undefined ? 0 : 4 - unicodeDigits)}"`;
  const close = closers.reverse().join('');
  return TOKEN_ENDINGS.some((ending) => parses(text + stringEnd + ending + close));
}
