import { describe, expect, it } from 'vitest';
import { printable } from './printable';

describe('printable', () => {
  it('shows control and direction-changing characters as escapes, and leaves other text alone', () => {
    expect(printable('cat\x1b[31mred\x07')).toBe('cat\\u001b[31mred\\u0007');
    expect(printable('invoice\u202Egnp.exe')).toBe('invoice\\u202egnp.exe');
    expect(printable('a\r\nb\tc\u0085d\u009be')).toBe('a\\u000d\\u000ab\\u0009c\\u0085d\\u009be');
    expect(printable('Ünïcödé 日本 🙂 — fine')).toBe('Ünïcödé 日本 🙂 — fine');
  });

  it('keeps the line breaks and tabs of multi-line output when asked', () => {
    expect(printable('line 1\nline\t2\r\x1b[2K', '\n\t')).toBe('line 1\nline\t2\\u000d\\u001b[2K');
  });

  it('keeps JSON text valid JSON that reads back the same', () => {
    const value = { name: 'a\u202Eb\u0085c', list: ['\x1b'] };
    const shown = printable(JSON.stringify(value, null, 2), '\n\t');
    // eslint-disable-next-line no-control-regex -- finding control characters is the point
    expect(shown).not.toMatch(/[\u0085\u202E\x1b]/);
    expect(JSON.parse(shown)).toEqual(value);
  });
});
