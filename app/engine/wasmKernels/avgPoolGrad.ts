/**
 * A faster `AvgPoolGrad` for the wasm backend, whose own kernel is plain loops (~15× slower):
 * for stride 1 the gradient of an average pool is a depthwise (XNNPACK) convolution of `dy`
 * with a constant 1/(kh·kw) filter, padded so that each input position gathers every window
 * that covered it. tfjs divides by the full window size in the gradient, padding or not (its
 * cpu kernel does the same), so the filter is constant. Strided pools keep the loops.
 */

import * as tf from '@tensorflow/tfjs';
import { asTensor4D, explicitPadding } from './tensorInputs';

interface AvgPoolGradAttrs {
  filterSize: number | [number, number];
  strides: number | [number, number];
  pad: 'valid' | 'same' | number | tf.backend_util.ExplicitPadding;
  dimRoundingMode?: 'floor' | 'round' | 'ceil';
}

function avgPoolGradByConvolution(dy: tf.Tensor4D, inputShape: readonly [number, number, number, number], [kh, kw]: readonly [number, number], pad: { top: number; left: number }): tf.Tensor4D {
  return tf.tidy(() => {
    const [, h, w, c] = inputShape;
    const [, oh, ow] = dy.shape;
    const filter = tf.fill([kh, kw, c, 1], 1 / (kh * kw)) as tf.Tensor4D;
    // Input row i gathers output rows i + top − kh + 1 … i + top (stride 1).
    const padding = explicitPadding(kh - 1 - pad.top, h - oh + pad.top, kw - 1 - pad.left, w - ow + pad.left);
    return tf.depthwiseConv2d(dy, filter, 1, padding);
  });
}

export function avgPoolGradWasm(original: tf.KernelConfig): tf.KernelConfig {
  const kernelFunc = (args: { inputs: tf.NamedTensorInfoMap; backend: unknown; attrs?: tf.NamedAttrMap }): tf.TensorInfo | tf.TensorInfo[] => {
    const { filterSize, strides, pad, dimRoundingMode } = args.attrs as unknown as AvgPoolGradAttrs;
    const dy = asTensor4D(args.inputs.dy, 'dy');
    const input = asTensor4D(args.inputs.input, 'input');
    const info = tf.backend_util.computePool2DInfo(input.shape, filterSize, strides, 1, pad, dimRoundingMode);
    if (info.strideHeight !== 1 || info.strideWidth !== 1) return original.kernelFunc(args as Parameters<tf.KernelFunc>[0]);
    return avgPoolGradByConvolution(dy, input.shape, [info.filterHeight, info.filterWidth], info.padInfo);
  };
  return { ...original, kernelFunc: kernelFunc as tf.KernelFunc };
}
