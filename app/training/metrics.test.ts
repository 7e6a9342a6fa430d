import { describe, expect, it } from 'vitest';
import { addToConfusion, topKCorrect } from './metrics';

// Four rows of three classes; each row is a different ranking.
const probabilities = [0.2, 0.5, 0.3, 0.6, 0.1, 0.3, 0.1, 0.2, 0.7, 0.3, 0.3, 0.4];

describe('topKCorrect', () => {
  it('reads every row at its own offset', () => {
    expect(topKCorrect(probabilities, [1, 0, 2, 2], 3, 1)).toBe(4);
    expect(topKCorrect(probabilities, [0, 1, 0, 0], 3, 1)).toBe(0);
  });

  it('counts a label ranked k-th as a hit and (k+1)-th as a miss', () => {
    // Row 0 ranks class 2 second and class 0 third.
    expect(topKCorrect(probabilities.slice(0, 3), [2], 3, 2)).toBe(1);
    expect(topKCorrect(probabilities.slice(0, 3), [0], 3, 2)).toBe(0);
    expect(topKCorrect(probabilities.slice(0, 3), [0], 3, 3)).toBe(1);
  });
});

describe('addToConfusion', () => {
  it('counts each row under its arg-max, row by row', () => {
    const matrix = [
      [0, 0, 0],
      [0, 0, 0],
      [0, 0, 0],
    ];
    addToConfusion(matrix, probabilities, [1, 0, 0, 1], 3);
    expect(matrix).toEqual([
      [1, 0, 1],
      [0, 1, 1],
      [0, 0, 0],
    ]);
  });

  it('gives a tie to the first class and never reads past the row', () => {
    const matrix = [
      [0, 0],
      [0, 0],
    ];
    // Row 0 ties; row 1 starts with the largest value, which belongs to row 1 only.
    addToConfusion(matrix, [0.5, 0.5, 0.9, 0.1], [1, 0], 2);
    expect(matrix).toEqual([
      [1, 0],
      [1, 0],
    ]);
  });

  it('keeps the arg-max when a later class of the row is smaller', () => {
    const matrix = [
      [0, 0, 0],
      [0, 0, 0],
    ];
    addToConfusion(matrix, [0.2, 0.3, 0.05, 0.1, 0.5, 0.3], [0, 1], 3);
    expect(matrix).toEqual([
      [0, 1, 0],
      [0, 1, 0],
    ]);
  });
});
