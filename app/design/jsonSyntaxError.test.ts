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
});
