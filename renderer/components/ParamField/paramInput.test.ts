import { describe, expect, it } from 'vitest';
import type { ParamSpec } from '../../../app/design/paramSpec';
import { formatParamValue, parseParamInput } from './paramInput';

const base = { name: 'x', label: 'Filters', help: '' };
const int: ParamSpec = { ...base, kind: 'int', default: 64, min: 1, max: 4096 };
const rate: ParamSpec = { ...base, label: 'Rate', kind: 'number', default: 0.2, min: 0, max: 0.99 };
const pair: ParamSpec = { ...base, label: 'Kernel', kind: 'pair', default: [3, 3], min: 1, max: 64 };
const choice: ParamSpec = { ...base, label: 'Padding', kind: 'enum', default: 'same', options: ['same', 'valid'] };
const flag: ParamSpec = { ...base, label: 'Bias', kind: 'bool', default: false };

describe('parseParamInput', () => {
  it('accepts whole numbers in range and explains the rest', () => {
    expect(parseParamInput(int, ' 32 ')).toEqual({ ok: true, value: 32 });
    expect(parseParamInput(int, '3.5')).toEqual({ ok: false, error: 'Filters must be a whole number between 1 and 4096.' });
    expect(parseParamInput(int, '0')).toEqual({ ok: false, error: 'Filters must be between 1 and 4096; 0 is out of range.' });
    expect(parseParamInput(int, '1e9')).toEqual({ ok: false, error: 'Filters must be between 1 and 4096; 1e9 is out of range.' });
    expect(parseParamInput(int, '')).toMatchObject({ ok: false });
  });

  it('checks both ends of a bounded number', () => {
    expect(parseParamInput(rate, '0.5')).toEqual({ ok: true, value: 0.5 });
    expect(parseParamInput(rate, '1')).toEqual({ ok: false, error: 'Rate must be between 0 and 0.99; 1 is out of range.' });
  });

  it('reads pairs as h×w, h x w, h,w or one number for a square', () => {
    expect(parseParamInput(pair, '1×7')).toEqual({ ok: true, value: [1, 7] });
    expect(parseParamInput(pair, '7 x 1')).toEqual({ ok: true, value: [7, 1] });
    expect(parseParamInput(pair, '3,3')).toEqual({ ok: true, value: [3, 3] });
    expect(parseParamInput(pair, '5')).toEqual({ ok: true, value: [5, 5] });
    expect(parseParamInput(pair, '0×3')).toMatchObject({ ok: false });
    expect(parseParamInput(pair, '1×2×3')).toMatchObject({ ok: false });
    expect(parseParamInput(pair, '65×1')).toEqual({ ok: false, error: 'Kernel is height×width, two whole numbers between 1 and 64 (e.g. 1×7).' });
  });

  it('accepts only listed options and booleans', () => {
    expect(parseParamInput(choice, 'valid')).toEqual({ ok: true, value: 'valid' });
    expect(parseParamInput(choice, 'full')).toEqual({ ok: false, error: 'Padding must be one of same, valid.' });
    expect(parseParamInput(flag, 'true')).toEqual({ ok: true, value: true });
  });

  it('formats stored values the way the parser reads them', () => {
    expect(formatParamValue([1, 7])).toBe('1×7');
    expect(parseParamInput(pair, formatParamValue([1, 7]))).toEqual({ ok: true, value: [1, 7] });
    expect(formatParamValue(0.2)).toBe('0.2');
  });
});
