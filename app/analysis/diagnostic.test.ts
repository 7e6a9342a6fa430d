import { describe, expect, it } from 'vitest';
import { hasErrors, listNames } from './diagnostic';

describe('listNames', () => {
  it('writes nothing for no names and a lone name as it is', () => {
    expect(listNames([])).toBe('');
    expect(listNames(['stem'])).toBe('stem');
  });

  it('joins two names with "and" and more with commas before the last "and"', () => {
    expect(listNames(['a1', 'b2'])).toBe('a1 and b2');
    expect(listNames(['a1', 'b2', 'c3', 'd4'])).toBe('a1, b2, c3 and d4');
  });
});

describe('hasErrors', () => {
  it('is false for no diagnostics and for warnings and notes only', () => {
    expect(hasErrors([])).toBe(false);
    expect(hasErrors([{ severity: 'warning' }, { severity: 'info' }])).toBe(false);
  });

  it('is true when any one diagnostic is an error, wherever it sits', () => {
    expect(hasErrors([{ severity: 'error' }])).toBe(true);
    expect(hasErrors([{ severity: 'warning' }, { severity: 'error' }, { severity: 'info' }])).toBe(true);
  });
});
