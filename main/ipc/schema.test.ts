import { describe, expect, it } from 'vitest';
import { array, boolean, literal, nothing, number, object, optional, string, union } from './schema';

describe('schema', () => {
  const point = object({ x: number(), label: optional(string({ maxLength: 3 })) });

  it('returns the value with optional fields left out when absent, not present as undefined', () => {
    expect(point({ x: 1 }, 'p')).toStrictEqual({ ok: true, value: { x: 1 } });
    expect(point({ x: 1, label: undefined }, 'p')).toStrictEqual({ ok: true, value: { x: 1 } });
    expect(point({ x: 1, label: 'abc' }, 'p')).toStrictEqual({ ok: true, value: { x: 1, label: 'abc' } });
  });

  it('names the path of the first problem', () => {
    expect(array(point)([{ x: 1 }, { x: Number.NaN }], 'points')).toEqual({ ok: false, error: 'points[1].x: expected a finite number, found number NaN' });
    expect(point({ x: 1, label: 'abcd' }, 'p')).toEqual({ ok: false, error: 'p.label: expected at most 3 characters, found "abcd"' });
  });

  it('refuses prototype tricks and arrays posing as objects', () => {
    expect(point(JSON.parse('{"x":1,"__proto__":{"admin":true}}'), 'p')).toMatchObject({ ok: false, error: 'p.__proto__: unexpected field' });
    expect(point([1], 'p')).toMatchObject({ ok: false });
  });

  it('refuses a number or a string where an object belongs, even when every field is optional', () => {
    const filter = object({ name: optional(string()) });
    expect(filter(7, 'f')).toEqual({ ok: false, error: 'f: expected an object, found number 7' });
    expect(filter('name', 'f')).toEqual({ ok: false, error: 'f: expected an object, found "name"' });
    expect(filter(true, 'f')).toEqual({ ok: false, error: 'f: expected an object, found boolean true' });
    expect(filter({}, 'f')).toEqual({ ok: true, value: {} });
  });

  it('union reports every alternative when none fits', () => {
    const either = union(literal('a'), number({ min: 5 }));
    expect(either(3, 'v')).toEqual({ ok: false, error: 'v: expected "a", found number 3; or v: expected a number ≥ 5, found number 3' });
  });

  it('limits array length', () => {
    expect(array(number(), 2)([1, 2, 3], 'xs')).toMatchObject({ ok: false, error: expect.stringMatching(/at most 2 items/) });
  });

  it('takes every bound of a number, inclusive or exclusive, at its exact edge', () => {
    const inclusive = number({ min: 0, max: 1 });
    expect([0, 1, 0.5].map((n) => inclusive(n, 'r').ok)).toEqual([true, true, true]);
    expect(inclusive(-0.001, 'r')).toEqual({ ok: false, error: 'r: expected a number ≥ 0, found number -0.001' });
    expect(inclusive(1.001, 'r')).toEqual({ ok: false, error: 'r: expected a number ≤ 1, found number 1.001' });
    const exclusive = number({ min: 0, minExclusive: true, max: 1, maxExclusive: true });
    expect(exclusive(0, 'r')).toEqual({ ok: false, error: 'r: expected a number > 0, found number 0' });
    expect(exclusive(1, 'r')).toEqual({ ok: false, error: 'r: expected a number < 1, found number 1' });
    expect(exclusive(0.999, 'r').ok).toBe(true);
    expect(number({ integer: true })(2.5, 'n')).toEqual({ ok: false, error: 'n: expected an integer, found number 2.5' });
    expect(number({ integer: true })(-3, 'n')).toEqual({ ok: true, value: -3 });
    for (const bad of [Number.POSITIVE_INFINITY, '1', null]) expect(number()(bad, 'n').ok).toBe(false);
  });

  it('takes a string up to its length limit, never an empty one when told, never a NUL', () => {
    const name = string({ maxLength: 3, nonEmpty: true });
    expect(name('abc', 's')).toEqual({ ok: true, value: 'abc' });
    expect(name('', 's')).toEqual({ ok: false, error: 's: expected a non-empty string, found ""' });
    expect(string()('', 's')).toEqual({ ok: true, value: '' });
    expect(name('a\0', 's')).toEqual({ ok: false, error: 's: expected a string without NUL characters, found "a\\u0000"' });
    expect(name(3, 's')).toEqual({ ok: false, error: 's: expected a string, found number 3' });
  });

  it('describes what it found without echoing a long string', () => {
    expect(string({ maxLength: 1 })('x'.repeat(40), 's')).toEqual({ ok: false, error: `s: expected at most 1 characters, found "${'x'.repeat(40)}"` });
    expect(string({ maxLength: 1 })('x'.repeat(41), 's')).toEqual({ ok: false, error: 's: expected at most 1 characters, found a long string' });
    expect(boolean(null, 'b')).toEqual({ ok: false, error: 'b: expected true or false, found null' });
    expect(boolean([], 'b')).toEqual({ ok: false, error: 'b: expected true or false, found an array' });
    expect(boolean({}, 'b')).toEqual({ ok: false, error: 'b: expected true or false, found an object' });
    expect(boolean('true', 'b')).toEqual({ ok: false, error: 'b: expected true or false, found "true"' });
    expect(boolean(false, 'b')).toEqual({ ok: true, value: false });
  });

  it('takes an array of exactly its limit', () => {
    expect(array(number(), 2)([1, 2], 'xs')).toEqual({ ok: true, value: [1, 2] });
    expect(array(number())('1,2', 'xs')).toEqual({ ok: false, error: 'xs: expected an array, found "1,2"' });
  });

  it('reads only an object’s own fields, and refuses null where an object belongs', () => {
    expect(point(Object.create({ x: 1 }), 'p')).toEqual({ ok: false, error: 'p.x: expected a finite number, found undefined undefined' });
    expect(point(null, 'p')).toEqual({ ok: false, error: 'p: expected an object, found null' });
    expect(point({ x: 1, label: undefined }, 'p')).toEqual({ ok: true, value: { x: 1 } });
  });

  it('takes no argument as undefined or null only', () => {
    expect(nothing(undefined, 'a')).toEqual({ ok: true, value: undefined });
    expect(nothing(null, 'a')).toEqual({ ok: true, value: undefined });
    expect(nothing(0, 'a')).toEqual({ ok: false, error: 'a: expected no argument, found number 0' });
    expect(nothing({}, 'a')).toEqual({ ok: false, error: 'a: expected no argument, found an object' });
  });

  it('union returns the first alternative that fits', () => {
    expect(union(literal('a', 'b'), number())('b', 'v')).toEqual({ ok: true, value: 'b' });
    expect(union(literal('a', 'b'), number())(7, 'v')).toEqual({ ok: true, value: 7 });
  });
});
