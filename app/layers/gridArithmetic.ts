/**
 * Sliding-window grid arithmetic, TensorFlow's rules: VALID gives floor((n − k) / s) + 1,
 * SAME gives ceil(n / s). Shared by convolutions and pools.
 */

import type { GridStep, Padding, Pair, Shape, ShapeResult } from './types';
import { isFeatureMap, notFeatureMap, shapeProblem } from './shapeProblems';

export function windowOutput(n: number, kernel: number, stride: number, padding: Padding): number {
  return padding === 'valid' ? Math.floor((n - kernel) / stride) + 1 : Math.ceil(n / stride);
}

function formula(n: number, kernel: number, stride: number, padding: Padding): string {
  const out = windowOutput(n, kernel, stride, padding);
  return padding === 'valid' ? `floor((${n} − ${kernel}) / ${stride}) + 1 = ${out}` : `ceil(${n} / ${stride}) = ${out}`;
}

/** `3×3/2 valid`, `1×7 same`, `3×3/(2,1) valid`; `prefix` names a pool (`max`). */
export function windowText(kernel: Pair, strides: Pair, padding: Padding, prefix?: string): string {
  const [sh, sw] = strides;
  const stride = sh === sw ? (sh === 1 ? '' : `/${sh}`) : `/(${sh},${sw})`;
  const op = `${kernel[0]}×${kernel[1]}${stride} ${padding}`;
  return prefix ? `${prefix} ${op}` : op;
}

export interface WindowRule {
  /** Shown in messages: `Convolution`, `Max pool`. */
  what: string;
  kernel: Pair;
  strides: Pair;
  padding: Padding;
  channels: (inputChannels: number) => number;
  opPrefix?: string;
}

/** Output shape of a sliding window over `[h, w, c]`, with the grid step when the grid changes. */
export function inferWindowShape(input: Shape | undefined, rule: WindowRule, id: string): ShapeResult {
  if (!isFeatureMap(input)) return notFeatureMap(id, rule.what, input);
  const [h, w, c] = input;
  const { kernel, strides, padding } = rule;
  const outH = windowOutput(h, kernel[0], strides[0], padding);
  const outW = windowOutput(w, kernel[1], strides[1], padding);
  const op = windowText(kernel, strides, padding, rule.opPrefix);
  const fh = formula(h, kernel[0], strides[0], padding);
  const fw = formula(w, kernel[1], strides[1], padding);
  const text = fh === fw ? fh : `h: ${fh}; w: ${fw}`;
  if (outH < 1 || outW < 1) {
    return shapeProblem(
      'grid-collapsed',
      `${rule.what} ${id} (${op}) on a ${h}×${w} grid leaves ${Math.max(outH, 0)}×${Math.max(outW, 0)}: ${text}.`,
      'The grid is too small for this layer: use a larger input, SAME padding, or fewer reductions.',
    );
  }
  const shape = [outH, outW, rule.channels(c)];
  if (outH === h && outW === w) return { ok: true, value: { shape } };
  const step: GridStep = { layerId: id, op, from: [h, w], to: [outH, outW], formula: text };
  return { ok: true, value: { shape, step } };
}
