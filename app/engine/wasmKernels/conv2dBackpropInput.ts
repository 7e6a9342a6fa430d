/**
 * A faster `Conv2DBackpropInput` for the wasm backend, whose own kernel is plain loops: the
 * input gradient as a forward (XNNPACK) convolution of `dy` — spread out by the stride with
 * zeros in between — with the filter flipped spatially and its channels swapped. For a strided
 * convolution into very few channels (the first layer) the loops stay faster and are kept.
 */

import * as tf from '@tensorflow/tfjs';
import { asTensor4D, explicitPadding, type ConvBackpropAttrs } from './tensorInputs';

interface BackpropInputAttrs extends ConvBackpropAttrs {
  inputShape: [number, number, number, number];
}

/** Below this many input channels a strided input gradient keeps the backend's loops (measured). */
const MIN_CHANNELS_FOR_STRIDED = 8;

/** `dy` with stride − 1 zeros between neighbours along height and width. */
function spreadByStride(dy: tf.Tensor4D, sh: number, sw: number): tf.Tensor4D {
  if (sh === 1 && sw === 1) return dy;
  const [b, oh, ow, c] = dy.shape;
  const spread = tf.pad(dy.reshape([b, oh, 1, ow, 1, c]), [[0, 0], [0, 0], [0, sh - 1], [0, 0], [0, sw - 1], [0, 0]]).reshape([b, oh * sh, ow * sw, c]);
  return spread.slice([0, 0, 0, 0], [b, (oh - 1) * sh + 1, (ow - 1) * sw + 1, c]) as tf.Tensor4D;
}

export interface InputGradientGeometry {
  inputShape: readonly [number, number, number, number];
  strides: readonly [number, number];
  pad: { top: number; left: number };
}

export function inputGradientByConvolution(dy: tf.Tensor4D, filter: tf.Tensor4D, { inputShape, strides, pad }: InputGradientGeometry): tf.Tensor4D {
  return tf.tidy(() => {
    const [kh, kw] = filter.shape;
    const [, h, w] = inputShape;
    const [, oh, ow] = dy.shape;
    const [sh, sw] = strides;
    const flipped = tf.reverse(filter, [0, 1]).transpose<tf.Tensor4D>([0, 1, 3, 2]);
    // Padding so that output position i reads dy at (i + top − k) / stride for every tap k.
    const padding = explicitPadding(kh - 1 - pad.top, h - (oh - 1) * sh - 1 + pad.top, kw - 1 - pad.left, w - (ow - 1) * sw - 1 + pad.left);
    return tf.conv2d(spreadByStride(dy, sh, sw), flipped, 1, padding);
  });
}

export function conv2dBackpropInputWasm(original: tf.KernelConfig): tf.KernelConfig {
  const kernelFunc = (args: { inputs: tf.NamedTensorInfoMap; backend: unknown; attrs?: tf.NamedAttrMap }): tf.TensorInfo | tf.TensorInfo[] => {
    const { strides, pad, dataFormat, dimRoundingMode, inputShape } = args.attrs as unknown as BackpropInputAttrs;
    const dy = asTensor4D(args.inputs.dy, 'dy');
    const filter = asTensor4D(args.inputs.filter, 'filter');
    const info = tf.backend_util.computeConv2DInfo(inputShape, filter.shape, strides, 1, pad, dimRoundingMode);
    const strided = info.strideHeight !== 1 || info.strideWidth !== 1;
    if (dataFormat !== 'NHWC' || (strided && info.inChannels < MIN_CHANNELS_FOR_STRIDED)) return original.kernelFunc(args as Parameters<tf.KernelFunc>[0]);
    return inputGradientByConvolution(dy, filter, { inputShape, strides: [info.strideHeight, info.strideWidth], pad: info.padInfo });
  };
  return { ...original, kernelFunc: kernelFunc as tf.KernelFunc };
}
