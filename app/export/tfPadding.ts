/**
 * TensorFlow's `same` padding as explicit pads: the output is ceil(in / stride) and the padding
 * the window needs is split with the extra row or column at the end (bottom, right), which
 * differs from PyTorch's and ONNX's symmetric padding whenever the total is odd.
 */

import type { Padding, Pair } from '../layers/types';

/** Pads before and after along one axis. */
export type AxisPads = readonly [before: number, after: number];

export function axisPads(size: number, kernel: number, stride: number, padding: Padding): AxisPads {
  if (padding === 'valid') return [0, 0];
  const output = Math.ceil(size / stride);
  const total = Math.max((output - 1) * stride + kernel - size, 0);
  const before = Math.floor(total / 2);
  return [before, total - before];
}

/** `[top, bottom, left, right]` for a window over an `[h, w]` grid. */
export function gridPads(grid: readonly [number, number], kernel: Pair, strides: Pair, padding: Padding): readonly [number, number, number, number] {
  const [top, bottom] = axisPads(grid[0], kernel[0], strides[0], padding);
  const [left, right] = axisPads(grid[1], kernel[1], strides[1], padding);
  return [top, bottom, left, right];
}
