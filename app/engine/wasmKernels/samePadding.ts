/**
 * The wasm backend's convolutions hand SAME padding to XNNPACK as a flag, and XNNPACK then gets
 * the output wrong wherever the stride leaves input rows or columns over
 * in one direction — a 1×7 kernel with stride 2 over 10 rows, say. Explicit padding, the same
 * numbers tfjs-core computes for SAME, gives the right result; these wrappers pass that instead.
 */

import * as tf from '@tensorflow/tfjs';
import { asTensor4D, explicitPadding } from './tensorInputs';

interface ConvolutionAttrs {
  strides: number | [number, number];
  pad: 'valid' | 'same' | number | tf.backend_util.ExplicitPadding;
  dilations?: number | [number, number];
  dimRoundingMode?: 'floor' | 'round' | 'ceil';
}

export function explicitSamePadding(original: tf.KernelConfig): tf.KernelConfig {
  const kernelFunc = (args: { inputs: tf.NamedTensorInfoMap; backend: unknown; attrs?: tf.NamedAttrMap }): tf.TensorInfo | tf.TensorInfo[] => {
    const attrs = args.attrs as unknown as ConvolutionAttrs;
    if (attrs.pad !== 'same') return original.kernelFunc(args as Parameters<tf.KernelFunc>[0]);
    const x = asTensor4D(args.inputs.x, 'x');
    const filter = asTensor4D(args.inputs.filter, 'filter');
    // Only the padding is read, and it depends on neither the channels nor whether the convolution is depthwise.
    const { padInfo } = tf.backend_util.computeConv2DInfo(x.shape, filter.shape, attrs.strides, attrs.dilations ?? 1, 'same', attrs.dimRoundingMode);
    const pad = explicitPadding(padInfo.top, padInfo.bottom, padInfo.left, padInfo.right);
    return original.kernelFunc({ ...args, attrs: { ...args.attrs, pad } } as unknown as Parameters<tf.KernelFunc>[0]);
  };
  return { ...original, kernelFunc: kernelFunc as tf.KernelFunc };
}
