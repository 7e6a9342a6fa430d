import { describe, expect, it } from 'vitest';
import { mutationScore, scoreLine } from './mutationScore';

describe('mutationScore', () => {
  it('counts timeouts as killed and mutants without coverage as survivors, leaving out those that never ran', () => {
    const score = mutationScore(['Killed', 'Killed', 'Timeout', 'Survived', 'NoCoverage', 'CompileError', 'RuntimeError', 'Ignored', 'Pending']);
    expect(score).toEqual({ killed: 3, survived: 1, noCoverage: 1, percent: 60 });
    expect(scoreLine('main/web', score)).toBe('main/web: 60.0% (3 killed, 1 survived, 1 without coverage)');
  });

  it('has no score without a mutant that ran', () => {
    const score = mutationScore(['CompileError', 'Ignored']);
    expect(score.percent).toBeNull();
    expect(scoreLine('app/x.ts', score)).toBe('app/x.ts: no mutants (0 killed, 0 survived, 0 without coverage)');
  });
});
