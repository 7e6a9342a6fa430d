/**
 * The filter gradient of a 2-D convolution (NHWC), built from kernels the wasm backend has
 * (XNNPACK convolution, matmul, transpose, slice). Three formulations, by measured speed:
 * 1×1 kernels: one matmul; batch 1: one matmul per kernel tap against `dy` transposed once;
 * otherwise one forward convolution with batch and channels swapped and `dy` as the filter
 * dilated by the stride.
 */

import * as tf from '@tensorflow/tfjs';
import { explicitPadding } from './tensorInputs';

export interface FilterGradientGeometry {
  filterShape: readonly [number, number, number, number];
  strides: readonly [number, number];
  pad: { top: number; bottom: number; left: number; right: number };
}

export function conv2dFilterGradient(x: tf.Tensor4D, dy: tf.Tensor4D, geometry: FilterGradientGeometry): tf.Tensor4D {
  const [kh, kw] = geometry.filterShape;
  if (kh === 1 && kw === 1) return pointwiseFilterGradient(x, dy, geometry);
  if (x.shape[0] === 1) return tapwiseFilterGradient(x, dy, geometry);
  return convolutionFilterGradient(x, dy, geometry);
}

/**
 * The input window each kernel tap (i, j) sees for every output position, [b, oh, ow, ci], as
 * plain slices: wasm's StridedSlice goes element by element (~20× slower than a slice, which
 * copies rows). Under a stride the input is first split into its stride phases (one pass).
 */
function tapWindows(x: tf.Tensor4D, dy: tf.Tensor4D, [kh, kw]: readonly number[], [sh, sw]: readonly [number, number]): (i: number, j: number) => tf.Tensor4D {
  const [b, oh, ow] = dy.shape;
  const c = x.shape[3];
  // Rows and columns the phases need: tap i reads phase rows ⌊i/s⌋ … ⌊i/s⌋ + oh − 1.
  const hs = Math.floor((kh - 1) / sh) + oh;
  const ws = Math.floor((kw - 1) / sw) + ow;
  const fitted = fitTo(x, hs * sh, ws * sw);
  const phases = new Map<number, tf.Tensor4D>();
  const phase = (pi: number, pj: number): tf.Tensor4D => {
    if (sh === 1 && sw === 1) return fitted;
    // Stryker disable next-line ArithmeticOperator: pi·sw − pj is as distinct a key, pj being below sw
    const key = pi * sw + pj;
    let found = phases.get(key);
    if (!found) {
      found = fitted
        .reshape<tf.Tensor4D>([b * hs, sh, ws, sw * c])
        .slice([0, pi, 0, pj * c], [b * hs, 1, ws, c])
        .reshape<tf.Tensor4D>([b, hs, ws, c]);
      phases.set(key, found);
    }
    return found;
  };
  return (i, j) => {
    const source = phase(i % sh, j % sw);
    const top = Math.floor(i / sh);
    const left = Math.floor(j / sw);
    // Phases exactly oh × ow tall and wide mean the kernel is no larger than the stride: every tap reads a whole phase.
    if (hs === oh && ws === ow) return source;
    return source.slice([0, top, left, 0], [b, oh, ow, c]);
  };
}

/** `x` cut or zero-padded at the bottom and right to exactly `h` × `w`. */
function fitTo(x: tf.Tensor4D, h: number, w: number): tf.Tensor4D {
  const [b, xh, xw, c] = x.shape;
  // Stryker disable next-line ArrayDeclaration: tf.slice fills a short begin with zeros
  const cut = xh > h || xw > w ? x.slice([0, 0, 0, 0], [b, Math.min(xh, h), Math.min(xw, w), c]) : x;
  return cut.shape[1] < h || cut.shape[2] < w ? tf.pad(cut, explicitPadding(0, h - cut.shape[1], 0, w - cut.shape[2])) : cut;
}

/** `x` with its padding, one copy; padding only below and to the right is left to fitTo's zeros. */
function padInput(x: tf.Tensor4D, pad: FilterGradientGeometry['pad']): tf.Tensor4D {
  if (pad.top === 0 && pad.left === 0) return x;
  return tf.pad(x, explicitPadding(pad.top, pad.bottom, pad.left, pad.right));
}

function pointwiseFilterGradient(x: tf.Tensor4D, dy: tf.Tensor4D, { filterShape, strides }: FilterGradientGeometry): tf.Tensor4D {
  return tf.tidy(() => {
    const [, , ci, co] = filterShape;
    const n = dy.shape[0] * dy.shape[1] * dy.shape[2];
    const xs = tapWindows(x, dy, [1, 1], strides)(0, 0).reshape([n, ci]);
    const dy2 = dy.reshape([n, co]);
    // Transpose the narrower operand; the wasm matmul is ~10× slower with transposeA.
    if (ci <= co) return tf.matMul(xs.transpose(), dy2).reshape([...filterShape]) as tf.Tensor4D;
    return tf.matMul(dy2.transpose(), xs).transpose().reshape([...filterShape]) as tf.Tensor4D;
  });
}

function tapwiseFilterGradient(x: tf.Tensor4D, dy: tf.Tensor4D, { filterShape, strides, pad }: FilterGradientGeometry): tf.Tensor4D {
  return tf.tidy(() => {
    const [kh, kw, ci, co] = filterShape;
    const n = dy.shape[1] * dy.shape[2];
    const window = tapWindows(padInput(x, pad), dy, [kh, kw], strides);
    const dyT = dy.reshape([n, co]).transpose();
    const taps: tf.Tensor2D[] = [];
    for (let i = 0; i < kh; i++) {
      for (let j = 0; j < kw; j++) taps.push(tf.matMul(dyT, window(i, j).reshape([n, ci])));
    }
    // taps: [kh·kw] × [co, ci] → [kh, kw, ci, co]
    return tf.stack(taps).reshape([kh, kw, co, ci]).transpose([0, 1, 3, 2]) as tf.Tensor4D;
  });
}

function convolutionFilterGradient(x: tf.Tensor4D, dy: tf.Tensor4D, { filterShape, strides, pad }: FilterGradientGeometry): tf.Tensor4D {
  return tf.tidy(() => {
    const [kh, kw, ci, co] = filterShape;
    const image = x.transpose<tf.Tensor4D>([3, 1, 2, 0]); // [ci, H, W, b]
    const filter = dy.transpose<tf.Tensor4D>([1, 2, 0, 3]); // [oh, ow, b, co]
    const full = tf.conv2d(image, filter, 1, explicitPadding(pad.top, pad.bottom, pad.left, pad.right), 'NHWC', strides as [number, number]);
    // Stryker disable next-line ArrayDeclaration: tf.slice fills a short begin with zeros
    const cropped = full.shape[1] === kh && full.shape[2] === kw ? full : full.slice([0, 0, 0, 0], [ci, kh, kw, co]);
    return cropped.transpose([1, 2, 0, 3]) as tf.Tensor4D;
  });
}
