/**
 * `AddN` for the webgpu backend in groups: its own kernel binds every input as a storage buffer
 * of one shader, and a device allows only `maxStorageBuffersPerShaderStage` (8 by default, one
 * of them the output). Past that the pipeline is invalid, the whole command buffer is dropped,
 * and every result queued with it is silently wrong — the gradient-norm sum over a network's
 * hundreds of weights did exactly that. Sums groups, then sums the partial sums.
 */

import type * as tf from '@tensorflow/tfjs';

interface WebGpuBackendLike {
  device: { limits: { maxStorageBuffersPerShaderStage: number } };
  disposeData(dataId: object): boolean;
}

export function groupedAddN(original: tf.KernelConfig): tf.KernelConfig {
  const kernelFunc = (args: Parameters<tf.KernelFunc>[0]): tf.TensorInfo | tf.TensorInfo[] => {
    const backend = args.backend as unknown as WebGpuBackendLike;
    const limit = Math.max(2, backend.device.limits.maxStorageBuffersPerShaderStage - 1);
    let tensors = args.inputs as unknown as tf.TensorInfo[];
    if (tensors.length <= limit) return original.kernelFunc(args);
    const partials: tf.TensorInfo[] = [];
    while (tensors.length > limit) {
      const next: tf.TensorInfo[] = [];
      for (let start = 0; start < tensors.length; start += limit) {
        const group = tensors.slice(start, start + limit);
        if (group.length === 1) {
          next.push(group[0]);
          continue;
        }
        const sum = original.kernelFunc({ ...args, inputs: group as unknown as tf.NamedTensorInfoMap }) as tf.TensorInfo;
        partials.push(sum);
        next.push(sum);
      }
      tensors = next;
    }
    const result = original.kernelFunc({ ...args, inputs: tensors as unknown as tf.NamedTensorInfoMap });
    for (const partial of partials) backend.disposeData(partial.dataId);
    return result;
  };
  return { ...original, kernelFunc: kernelFunc as tf.KernelFunc };
}
