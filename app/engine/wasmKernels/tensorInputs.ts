/** Kernel inputs arrive as `TensorInfo`; the engine passes the Tensor objects themselves. */

import * as tf from '@tensorflow/tfjs';

export function asTensor4D(info: tf.TensorInfo | undefined, what: string): tf.Tensor4D {
  if (!(info instanceof tf.Tensor) || info.rank !== 4) throw new Error(`wasm training kernel: ${what} must be a rank-4 tensor`);
  return info as tf.Tensor4D;
}

/** Explicit `[top, bottom]`, `[left, right]` padding in the form tf.conv2d accepts. */
export function explicitPadding(top: number, bottom: number, left: number, right: number): [[0, 0], [number, number], [number, number], [0, 0]] {
  return [
    [0, 0],
    [top, bottom],
    [left, right],
    [0, 0],
  ];
}

/** The attributes tfjs-core gives both convolution backprop kernels. */
export interface ConvBackpropAttrs {
  strides: number | [number, number];
  pad: 'valid' | 'same' | number | tf.backend_util.ExplicitPadding;
  dataFormat: 'NHWC' | 'NCHW';
  dimRoundingMode?: 'floor' | 'round' | 'ceil';
}
