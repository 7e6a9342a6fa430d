/**
 * A faster `MaxPoolGrad` for the wasm backend, whose own kernel rescans every window that covers
 * each input position. One pass over the windows finds each one's first maximum (row by row,
 * the order tfjs's cpu kernel keeps, so ties go to the same input) and adds the window's `dy`
 * there. The maximum starts from −∞, never from 0: a window of negative inputs still has one.
 */

import * as tf from '@tensorflow/tfjs';
import { asTensor4D } from './tensorInputs';

interface MaxPoolGradAttrs {
  filterSize: number | [number, number];
  strides: number | [number, number];
  pad: 'valid' | 'same' | number | tf.backend_util.ExplicitPadding;
  dimRoundingMode?: 'floor' | 'round' | 'ceil';
}

/** `dx` of a max pool over `x` (NHWC), given the pool's geometry and `dy`. */
export function maxPoolBackprop(x: Float32Array, dy: Float32Array, info: tf.backend_util.Conv2DInfo): Float32Array {
  const { batchSize, inHeight, inWidth, inChannels: channels, outHeight, outWidth, strideHeight, strideWidth, filterHeight, filterWidth, padInfo } = info;
  const dx = new Float32Array(x.length);
  const best = new Float32Array(channels);
  const where = new Int32Array(channels);
  // Stryker disable next-line EqualityOperator: a batch past the end reads undefined from x, which never beats −∞, and so writes nothing
  for (let b = 0; b < batchSize; b++) {
    for (let oy = 0; oy < outHeight; oy++) {
      const top = oy * strideHeight - padInfo.top;
      const rowStart = Math.max(0, top);
      const rowEnd = Math.min(inHeight, top + filterHeight);
      for (let ox = 0; ox < outWidth; ox++) {
        const left = ox * strideWidth - padInfo.left;
        const columnStart = Math.max(0, left);
        const columnEnd = Math.min(inWidth, left + filterWidth);
        best.fill(Number.NEGATIVE_INFINITY);
        where.fill(-1);
        for (let iy = rowStart; iy < rowEnd; iy++) {
          for (let ix = columnStart; ix < columnEnd; ix++) {
            const base = ((b * inHeight + iy) * inWidth + ix) * channels;
            // Stryker disable next-line EqualityOperator: best[channels] is undefined, which no value beats, so nothing is recorded
            for (let c = 0; c < channels; c++) {
              const value = x[base + c];
              if (value > best[c]) {
                best[c] = value;
                where[c] = base + c;
              }
            }
          }
        }
        const out = ((b * outHeight + oy) * outWidth + ox) * channels;
        // Stryker disable next-line EqualityOperator: where[channels] is undefined, never ≥ 0
        for (let c = 0; c < channels; c++) {
          // Stryker disable next-line ConditionalExpression: a typed array drops the write to dx[−1] the check skips; the check says what is meant
          if (where[c] >= 0) dx[where[c]] += dy[out + c];
        }
      }
    }
  }
  return dx;
}

export function maxPoolGradWasm(original: tf.KernelConfig): tf.KernelConfig {
  const kernelFunc = (args: { inputs: tf.NamedTensorInfoMap; backend: unknown; attrs?: tf.NamedAttrMap }): tf.TensorInfo => {
    const { filterSize, strides, pad, dimRoundingMode } = args.attrs as unknown as MaxPoolGradAttrs;
    const dy = asTensor4D(args.inputs.dy, 'dy');
    const input = asTensor4D(args.inputs.input, 'input');
    const info = tf.backend_util.computePool2DInfo(input.shape, filterSize, strides, 1, pad, dimRoundingMode);
    return tf.tensor4d(maxPoolBackprop(input.dataSync() as Float32Array, dy.dataSync() as Float32Array, info), input.shape);
  };
  return { ...original, kernelFunc: kernelFunc as tf.KernelFunc };
}
