/**
 * A faster `MaxPoolGrad` for the wasm backend, whose own kernel rescans every window that covers
 * each input position: one pass over the windows in WebAssembly (poolKernels.wat), reading the
 * tensors straight from the backend's memory and writing the gradient into a tensor it made.
 */

import * as tf from '@tensorflow/tfjs';
import { maxPoolBackpropInto } from './poolKernels';
import { asTensor4D } from './tensorInputs';
import type { WasmHeap } from './wasmHeap';

interface MaxPoolGradAttrs {
  filterSize: number | [number, number];
  strides: number | [number, number];
  pad: 'valid' | 'same' | number | tf.backend_util.ExplicitPadding;
  dimRoundingMode?: 'floor' | 'round' | 'ceil';
}

export function maxPoolGradWasm(original: tf.KernelConfig): tf.KernelConfig {
  const kernelFunc = (args: { inputs: tf.NamedTensorInfoMap; backend: unknown; attrs?: tf.NamedAttrMap }): tf.TensorInfo => {
    const { filterSize, strides, pad, dimRoundingMode } = args.attrs as unknown as MaxPoolGradAttrs;
    const dy = asTensor4D(args.inputs.dy, 'dy');
    const input = asTensor4D(args.inputs.input, 'input');
    const info = tf.backend_util.computePool2DInfo(input.shape, filterSize, strides, 1, pad, dimRoundingMode);
    const heap = args.backend as WasmHeap;
    const dx = heap.makeOutput([...input.shape], 'float32');
    maxPoolBackpropInto(heap.typedArrayFromHeap(input), heap.typedArrayFromHeap(dy), heap.typedArrayFromHeap(dx), info);
    return dx;
  };
  return { ...original, kernelFunc: kernelFunc as tf.KernelFunc };
}
