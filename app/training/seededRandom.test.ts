import { describe, expect, it } from 'vitest';
import { createRandom, shuffledIndices } from './seededRandom';

describe('createRandom', () => {
  it('is mulberry32: the reference sequence for seed 42', () => {
    const random = createRandom(42);
    expect([random(), random(), random()]).toEqual([0.6011037519201636, 0.44829055899754167, 0.8524657934904099]);
  });
});

describe('shuffledIndices', () => {
  it('can leave the last index in place (Fisher–Yates, not Sattolo)', () => {
    const orders = new Set(Array.from({ length: 20 }, (_, seed) => shuffledIndices(2, seed).join()));
    expect(orders).toEqual(new Set(['0,1', '1,0']));
  });

  it('reaches every order of three', () => {
    const orders = new Set(Array.from({ length: 200 }, (_, seed) => shuffledIndices(3, seed).join()));
    expect(orders.size).toBe(6);
  });
});
