import { describe, expect, it } from 'vitest';
import { FlatKernels } from './flatKernels';
import { AREA, decayAndClip } from './flatUpdateRules';

/** Weights and gradients of three tensors of sizes 2, 3 and 1 laid end to end. */
function areas(weights: number[], gradients: number[]): FlatKernels {
  const kernels = new FlatKernels(AREA.firstSlot, 6);
  kernels.area(AREA.weights).set(weights);
  kernels.area(AREA.gradients).set(gradients);
  return kernels;
}
const layout = { offsets: [0, 2, 5], sizes: [2, 3, 1] };
const weights = [1, 2, 3, 4, 5, 6];

describe('decayAndClip', () => {
  it('adds weightDecay · w to the gradients of the decayed tensors, wherever they lie', () => {
    const kernels = areas(weights, [0, 0, 0, 0, 0, 0]);
    const norm = decayAndClip(kernels, { ...layout, decayed: [false, true, true], weightDecay: 0.5, clipNorm: 0 });
    expect(Array.from(kernels.area(AREA.gradients))).toEqual([0, 0, 1.5, 2, 2.5, 3]);
    expect(norm).toBeCloseTo(Math.sqrt(1.5 ** 2 + 2 ** 2 + 2.5 ** 2 + 3 ** 2), 6);
    expect(Array.from(kernels.area(AREA.weights))).toEqual(weights);
  });

  it('scales the gradients down to the threshold only when their norm is over it', () => {
    const small = areas(weights, [0, 3, 0, 0, 4, 0]);
    expect(decayAndClip(small, { ...layout, decayed: [false, false, false], weightDecay: 0, clipNorm: 6 })).toBe(5);
    expect(Array.from(small.area(AREA.gradients))).toEqual([0, 3, 0, 0, 4, 0]);
    const large = areas(weights, [0, 3, 0, 0, 4, 0]);
    expect(decayAndClip(large, { ...layout, decayed: [false, false, false], weightDecay: 0, clipNorm: 2.5 })).toBe(5);
    expect(Array.from(large.area(AREA.gradients))).toEqual([0, 1.5, 0, 0, 2, 0]);
  });
});
