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

/**
 * The filter flipped spatially with its in/out channels swapped: [kh, kw, co, ci]. Flipping
 * both spatial axes reverses the taps, done as a left-right flip of the taps laid out as one
 * image row: wasm's FlipLeftRight copies rows, its Reverse goes element by element (~20× slower).
 */
function flippedFilter(filter: tf.Tensor4D): tf.Tensor4D {
  const [kh, kw, ci, co] = filter.shape;
  const taps = kh * kw;
  const flipped = taps === 1 ? filter : tf.image.flipLeftRight(filter.reshape<tf.Tensor4D>([1, 1, taps, ci * co]));
  return flipped.reshape([taps, ci, co]).transpose([0, 2, 1]).reshape([kh, kw, co, ci]);
}

export interface InputGradientGeometry {
  inputShape: readonly [number, number, number, number];
  strides: readonly [number, number];
  pad: { top: number; left: number };
}

function inputGradientByConvolution(dy: tf.Tensor4D, filter: tf.Tensor4D, { inputShape, strides, pad }: InputGradientGeometry): tf.Tensor4D {
  return tf.tidy(() => {
    const [kh, kw] = filter.shape;
    const [, h, w] = inputShape;
    const [, oh, ow] = dy.shape;
    const [sh, sw] = strides;
    const flipped = flippedFilter(filter);
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
