/** The `Conv2DBackpropFilter` kernel the wasm backend lacks (the Conv2D and FusedConv2D gradients call it). */

import * as tf from '@tensorflow/tfjs';
import { conv2dFilterGradient } from './conv2dFilterGradient';
import { asTensor4D, type ConvBackpropAttrs } from './tensorInputs';

interface BackpropFilterAttrs extends ConvBackpropAttrs {
  filterShape: [number, number, number, number];
}

function backpropFilter({ inputs, attrs }: { inputs: tf.NamedTensorInfoMap; attrs?: tf.NamedAttrMap }): tf.TensorInfo {
  const { strides, pad, dataFormat, dimRoundingMode, filterShape } = attrs as unknown as BackpropFilterAttrs;
  if (dataFormat !== 'NHWC') throw new Error(`wasm Conv2DBackpropFilter supports NHWC only, got ${dataFormat}`);
  const x = asTensor4D(inputs.x, 'x');
  const dy = asTensor4D(inputs.dy, 'dy');
  const info = tf.backend_util.computeConv2DInfo(x.shape, filterShape, strides, 1, pad, dimRoundingMode);
  const { top, bottom, left, right } = info.padInfo;
  return conv2dFilterGradient(x, dy, {
    filterShape,
    strides: [info.strideHeight, info.strideWidth],
    pad: { top, bottom, left, right },
  });
}

export const conv2dBackpropFilterWasm: tf.KernelConfig = {
  kernelName: tf.Conv2DBackpropFilter,
  backendName: 'wasm',
  kernelFunc: backpropFilter as tf.KernelFunc,
};
