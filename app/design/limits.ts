/**
 * The largest numbers a design may hold: far beyond any Inception network, far below what
 * overflows the analysis's arithmetic or makes TensorFlow.js allocate without end. The schema,
 * the parameter specs, the preset options and the command line's flags all check against these.
 */

export const DESIGN_LIMITS = {
  /** Input height and width, in pixels; also the largest kernel, window or stride side. */
  inputSize: 4096,
  /** Input channels (gray, RGB, RGBA). */
  inputChannels: 4,
  /** Filters of a convolution, widths of a block. */
  channels: 65_536,
  /** Units of a dense layer: the classes of a classifier. */
  classes: 100_000,
  /** A residual scale. */
  scale: 10,
} as const;

/** `an integer between 1 and N`: how every bounded count is described. */
export const integerRange = (min: number, max: number): string => `an integer between ${min} and ${max}`;
