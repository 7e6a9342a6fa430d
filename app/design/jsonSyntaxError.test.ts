import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { findJsonSyntaxError } from './jsonSyntaxError';

describe('findJsonSyntaxError', () => {
  it('accepts whatever JSON.stringify writes', () => {
    fc.assert(
      fc.property(fc.jsonValue(), fc.boolean(), (value, pretty) => {
        expect(findJsonSyntaxError(JSON.stringify(value, null, pretty ? 2 : undefined))).toBeUndefined();
      }),
    );
  });

  it('agrees with JSON.parse on truncated documents', () => {
    fc.assert(
      fc.property(fc.jsonValue(), fc.nat(), (value, cut) => {
        const text = JSON.stringify(value);
        const truncated = text.slice(0, cut % (text.length + 1));
        let parses = true;
        try {
          JSON.parse(truncated);
        } catch {
          parses = false;
        }
        expect(findJsonSyntaxError(truncated) === undefined).toBe(parses);
      }),
    );
  });

  it('points at the offending character', () => {
    expect(findJsonSyntaxError('{"a": tru}')).toEqual({ offset: 6, reason: 'unexpected "t"' });
    expect(findJsonSyntaxError('[1 2]')).toEqual({ offset: 3, reason: `unexpected "2", expected ',' or ']'` });
    expect(findJsonSyntaxError('{"a": 1}}')).toEqual({ offset: 8, reason: 'unexpected "}" after the end of the document' });
    expect(findJsonSyntaxError('"a\nb"')).toEqual({ offset: 0, reason: 'unterminated string or bad escape' });
  });

  it.each<[string, number, string]>([
    ['', 0, 'unexpected end of text'],
    ['  x', 2, 'unexpected "x"'],
    ['\u00a0[]', 0, 'unexpected "\u00a0"'],
    ['{', 1, 'unexpected end of text, expected a property name in double quotes'],
    ['{"a" 1}', 5, `unexpected "1", expected ':'`],
    ['{"a":1,}', 7, 'unexpected "}", expected a property name in double quotes'],
    ['{"a":1 "b":2}', 7, `unexpected "\\"", expected ',' or '}'`],
    ['{"a\nb": 1}', 1, 'unexpected "\\"", expected a property name in double quotes'],
    ['[1,]', 3, 'unexpected "]"'],
    ['[1, 2', 5, `unexpected end of text, expected ',' or ']'`],
    ['"\\x"', 0, 'unterminated string or bad escape'],
    ['"\\u12g4"', 0, 'unterminated string or bad escape'],
    ['"abc', 0, 'unterminated string or bad escape'],
    ['-', 0, 'unexpected "-"'],
    ['01', 1, 'unexpected "1" after the end of the document'],
    ['1.', 1, 'unexpected "." after the end of the document'],
    ['1e', 1, 'unexpected "e" after the end of the document'],
    ['tru', 0, 'unexpected "t"'],
    ['nulll', 4, 'unexpected "l" after the end of the document'],
    ['[1e5 2]', 5, `unexpected "2", expected ',' or ']'`],
    ['{"a": 1 ', 8, `unexpected end of text, expected ',' or '}'`],
    ['[\n', 2, 'unexpected end of text'],
  ])('%j: fails at %i with %s', (text, offset, reason) => {
    expect(findJsonSyntaxError(text)).toEqual({ offset, reason });
  });

  it('accepts every whitespace, escape and number form JSON allows', () => {
    for (const text of ['1e5', '[2E3, -7e+0, 0.25e-1]', ' \t\r\n[ ]\n', '"\\"\\\\\\/\\b\\f\\n\\r\\t\\u00e9\\uABCD"', '-0', '-0.5e-3', '1E+5', '10', '{ "a" : [ true , false , null ] }', '{}', '[[]]']) {
      expect(findJsonSyntaxError(text), text).toBeUndefined();
    }
  });
});
