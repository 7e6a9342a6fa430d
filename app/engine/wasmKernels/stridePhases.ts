/**
 * The input gradient of a strided convolution split by stride phase. Input rows r, r + s,
 * r + 2s, … receive gradient only from the kernel taps t ≡ r + padding (mod s), so each phase
 * is a stride-1 correlation of `dy` with those taps alone: s² small convolutions doing the
 * work once, where correlating `dy` spread out with zeros does it s² times over the zeros.
 * With stride 1 there is one phase: the whole flipped filter over `dy`.
 */

/** One stride phase along one axis: which taps it uses and which rows of `dy` it reads. */
export interface AxisPhase {
  /** The phase's first tap in the spatially flipped filter; its taps follow every `stride`. */
  firstTap: number;
  /** How many taps the phase has; 0: no tap reaches these input rows, their gradient is zero. */
  taps: number;
  /** The first row of `dy` the phase reads (rows of `dy` that do not exist read as zeros). */
  start: number;
  /** Rows of `dy` the phase reads: `rows` outputs of a `taps`-tap correlation. */
  span: number;
}

/** One axis of the convolution, as the input gradient sees it. */
export interface StridedAxis {
  /** Input length (the gradient's). */
  size: number;
  kernel: number;
  stride: number;
  /** Padding before the input in the forward convolution. */
  padBefore: number;
}

/** Output rows of every phase: the longest phase's, so the phases interleave into whole strides. */
export function phaseRows({ size, stride }: StridedAxis): number {
  return Math.ceil(size / stride);
}

/**
 * Phase r of an axis. Input row i = r + s·q (q < phaseRows) gets dy[o]·w[t] for every
 * o·s + t − padBefore = i, i.e. t = ρ + m·s with ρ = (r + padBefore) mod s and
 * o = ⌊(r + padBefore) / s⌋ + q − m: a correlation of dy from row ⌊(r + padBefore) / s⌋ − (taps − 1)
 * with the taps reversed, which in the flipped filter (f[a] = w[K − 1 − a]) start at
 * K − 1 − ρ − (taps − 1)·s.
 */
export function axisPhase(axis: StridedAxis, r: number): AxisPhase {
  const { kernel, stride, padBefore } = axis;
  const residue = (r + padBefore) % stride;
  const base = Math.floor((r + padBefore) / stride);
  const taps = Math.max(0, Math.ceil((kernel - residue) / stride));
  const start = base - Math.max(taps - 1, 0);
  return { firstTap: kernel - 1 - residue - Math.max(taps - 1, 0) * stride, taps, start, span: phaseRows(axis) + Math.max(taps - 1, 0) };
}
