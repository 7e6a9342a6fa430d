import { describe, expect, it } from 'vitest';
import { array, number, object, optional, string, union, literal } from './schema';

describe('schema', () => {
  const point = object({ x: number(), label: optional(string({ maxLength: 3 })) });

  it('returns the value with optional fields left out when absent', () => {
    expect(point({ x: 1 }, 'p')).toEqual({ ok: true, value: { x: 1 } });
    expect(point({ x: 1, label: 'abc' }, 'p')).toEqual({ ok: true, value: { x: 1, label: 'abc' } });
  });

  it('names the path of the first problem', () => {
    expect(array(point)([{ x: 1 }, { x: Number.NaN }], 'points')).toEqual({ ok: false, error: 'points[1].x: expected a finite number, found number NaN' });
    expect(point({ x: 1, label: 'abcd' }, 'p')).toEqual({ ok: false, error: 'p.label: expected at most 3 characters, found "abcd"' });
  });

  it('refuses prototype tricks and arrays posing as objects', () => {
    expect(point(JSON.parse('{"x":1,"__proto__":{"admin":true}}'), 'p')).toMatchObject({ ok: false, error: 'p.__proto__: unexpected field' });
    expect(point([1], 'p')).toMatchObject({ ok: false });
  });

  it('union reports every alternative when none fits', () => {
    const either = union(literal('a'), number({ min: 5 }));
    expect(either(3, 'v')).toEqual({ ok: false, error: 'v: expected "a", found number 3; or v: expected a number ≥ 5, found number 3' });
  });

  it('limits array length', () => {
    expect(array(number(), 2)([1, 2, 3], 'xs')).toMatchObject({ ok: false, error: expect.stringMatching(/at most 2 items/) });
  });
});
