import { describe, expect, it } from 'vitest';
import { axisPhase, phaseRows, type StridedAxis } from './stridePhases';

/** Every (dy row, kernel tap) pair that feeds input row i, straight from the forward convolution. */
function directSources(axis: StridedAxis, outSize: number, i: number): string[] {
  const pairs: string[] = [];
  for (let o = 0; o < outSize; o++) for (let k = 0; k < axis.kernel; k++) if (o * axis.stride + k - axis.padBefore === i) pairs.push(`${o}:${k}`);
  return pairs.sort();
}

/** The same pairs as the phase correlation reads them: taps firstTap, firstTap + s, … of the flipped filter. */
function phaseSources(axis: StridedAxis, outSize: number, i: number): string[] {
  const phase = axisPhase(axis, i % axis.stride);
  const q = Math.floor(i / axis.stride);
  const pairs: string[] = [];
  for (let m = 0; m < phase.taps; m++) {
    const o = phase.start + q + m;
    const k = axis.kernel - 1 - (phase.firstTap + m * axis.stride);
    if (o >= 0 && o < outSize) pairs.push(`${o}:${k}`);
  }
  return pairs.sort();
}

describe('stride phases of an input gradient', () => {
  it('a 3-tap, stride-2 valid convolution: even rows take taps 0 and 2 from two dy rows, odd rows tap 1', () => {
    const axis = { size: 35, kernel: 3, stride: 2, padBefore: 0 };
    expect(axisPhase(axis, 0)).toEqual({ firstTap: 0, taps: 2, start: -1, span: 19 });
    expect(axisPhase(axis, 1)).toEqual({ firstTap: 1, taps: 1, start: 0, span: 18 });
    expect(phaseRows(axis)).toBe(18);
  });

  it('stride 1 is one phase: the whole flipped filter, dy read from kernel − 1 − padding rows before', () => {
    expect(axisPhase({ size: 9, kernel: 3, stride: 1, padBefore: 1 }, 0)).toEqual({ firstTap: 0, taps: 3, start: -1, span: 11 });
  });

  it('a kernel narrower than the stride leaves phases no tap reaches', () => {
    const axis = { size: 7, kernel: 1, stride: 3, padBefore: 0 };
    expect([0, 1, 2].map((r) => axisPhase(axis, r).taps)).toEqual([1, 0, 0]);
  });

  it('every input row gets exactly the (dy row, tap) pairs of the forward convolution, for every kernel, stride and padding', () => {
    let checked = 0;
    for (let kernel = 1; kernel <= 7; kernel++) {
      for (let stride = 1; stride <= 4; stride++) {
        for (let size = kernel; size <= 13; size++) {
          for (let padBefore = 0; padBefore < kernel; padBefore++) {
            for (const padAfter of [0, padBefore, kernel - 1]) {
              const outSize = Math.floor((size + padBefore + padAfter - kernel) / stride) + 1;
              const axis = { size, kernel, stride, padBefore };
              for (let i = 0; i < size; i++) expect(phaseSources(axis, outSize, i), `K${kernel} s${stride} n${size} pad ${padBefore}/${padAfter} row ${i}`).toEqual(directSources(axis, outSize, i));
              checked++;
            }
          }
        }
      }
    }
    expect(checked).toBeGreaterThan(1000);
  });
});
