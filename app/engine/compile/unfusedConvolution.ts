/**
 * tfjs-layers' Conv2D always convolves through `tf.fused.conv2d`, whose custom gradient computes
 * the input gradient and the filter gradient together. For a convolution without bias or
 * activation (every one followed by batch norm) the fused kernel adds nothing, while a plain
 * `tf.conv2d` has a gradient per input, computed only when asked: the first convolution's
 * gradient with respect to the images, which nothing needs, is then never computed. On the small
 * preset that strided, 3-channel input gradient was the costliest single kernel of a step.
 * Same kernels and values otherwise; the layer's config, weights and saved form are unchanged.
 * Only the convolutions that read the network's input use it: for the others both gradients are
 * needed anyway, and with every convolution unfused tfjs-wasm's plain Conv2D kernel aborted in
 * training (a 3×1 SAME convolution of a 1×1 grid, small Inception-v4 at width 0.1); alone it
 * ran, so the fault lies in the backend's state, not the shapes.
 */

import * as tf from '@tensorflow/tfjs';

/** The fields of tfjs-layers' Conv2D that its `call` reads. */
interface ConvFields {
  kernel: { read(): tf.Tensor };
  useBias: boolean;
  activation: { getClassName(): string };
  strides: [number, number];
  padding: 'same' | 'valid';
  dilationRate: number | [number, number];
}

/** Makes `layer` (a Conv2D without bias or activation) convolve with `tf.conv2d`. */
export function convolveUnfused(layer: tf.layers.Layer): void {
  const conv = layer as unknown as ConvFields;
  const activation = conv.activation.getClassName();
  if (conv.useBias || activation !== 'linear') throw new Error(`${layer.name}: a convolution with ${conv.useBias ? 'bias' : `activation ${activation}`} keeps the fused kernel`);
  layer.call = (inputs) =>
    tf.tidy(() => {
      const x = Array.isArray(inputs) ? inputs[0] : inputs;
      return tf.conv2d(x as tf.Tensor4D, conv.kernel.read() as tf.Tensor4D, conv.strides, conv.padding, 'NHWC', conv.dilationRate);
    });
}
