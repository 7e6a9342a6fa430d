/**
 * Finds where JSON text first goes wrong. `JSON.parse` does not always say (V8 in Node 20
 * reports "Unexpected token" without an offset), so a failed parse is re-scanned here to point
 * the user at a line and column.
 */

export interface JsonSyntaxError {
  offset: number;
  reason: string;
}

const WHITESPACE = new Set([' ', '\t', '\n', '\r']);
const NUMBER = /-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][+-]?\d+)?/y;
const STRING = /"(?:[^"\\]|\\(?:["\\/bfnrt]|u[0-9a-fA-F]{4}))*"/y;

/** JSON strings may not hold raw control characters (a raw newline ends a string early). */
function hasControlCharacter(text: string): boolean {
  // Stryker disable next-line EqualityOperator: charCodeAt past the end is NaN, never below 0x20
  for (let i = 0; i < text.length; i += 1) if (text.charCodeAt(i) < 0x20) return true;
  return false;
}

class Fail {
  constructor(readonly error: JsonSyntaxError) {}
}

/** The first syntax error in `text`, or undefined when it is valid JSON. */
export function findJsonSyntaxError(text: string): JsonSyntaxError | undefined {
  let at = 0;
  const fail = (reason: string): never => {
    throw new Fail({ offset: at, reason });
  };
  const describe = (): string => (at >= text.length ? 'unexpected end of text' : `unexpected ${JSON.stringify(text[at])}`);
  const skip = (): void => {
    while (WHITESPACE.has(text[at])) at += 1;
  };
  const expect = (char: string): void => {
    skip();
    if (text[at] !== char) fail(`${describe()}, expected '${char}'`);
    at += 1;
  };
  const match = (pattern: RegExp): boolean => {
    pattern.lastIndex = at;
    const found = pattern.exec(text);
    if (found === null || hasControlCharacter(found[0])) return false;
    at += found[0].length;
    return true;
  };
  const value = (): void => {
    skip();
    const char = text[at];
    if (char === '{') return container('}', () => {
      skip();
      if (!match(STRING)) fail(`${describe()}, expected a property name in double quotes`);
      expect(':');
      value();
    });
    if (char === '[') return container(']', value);
    if (char === '"') return void (match(STRING) || fail('unterminated string or bad escape'));
    for (const word of ['true', 'false', 'null']) if (text.startsWith(word, at)) return void (at += word.length);
    if (!match(NUMBER)) fail(describe());
  };
  const container = (close: string, item: () => void): void => {
    at += 1;
    skip();
    if (text[at] === close) return void (at += 1);
    for (;;) {
      item();
      skip();
      if (text[at] === close) return void (at += 1);
      if (text[at] !== ',') fail(`${describe()}, expected ',' or '${close}'`);
      at += 1;
    }
  };
  try {
    value();
    skip();
    if (at < text.length) fail(`${describe()} after the end of the document`);
    return undefined;
  } catch (error) {
    if (error instanceof Fail) return error.error;
    throw error;
  }
}
