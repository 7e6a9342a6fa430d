/** The parts of tfjs-backend-wasm's backend our kernels use: tensors in its memory, by reference count. */

import type * as tf from '@tensorflow/tfjs';

export interface WasmHeap {
  /** A view of a tensor's values in the backend's memory, valid until the next allocation may grow it. */
  typedArrayFromHeap(info: tf.TensorInfo): Float32Array;
  /** A new tensor in the backend's memory, its values unset. */
  makeOutput(shape: number[], dtype: tf.DataType): tf.TensorInfo;
  /** One more tensor shares this memory. */
  incRef(dataId: tf.DataId): void;
}
