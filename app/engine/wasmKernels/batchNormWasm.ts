/** The fused batch-normalisation kernels `normalizeBatch` calls where a backend has them: wasm's, from batchNormKernels.wat. */

import type * as tf from '@tensorflow/tfjs';
import { NORMALIZE_BATCH, NORMALIZE_BATCH_GRADIENT } from '../compile/batchNormTraining';
import { normalizeRows, normalizeRowsGradient } from './batchNormKernels';
import type { WasmHeap } from './wasmHeap';

interface KernelArgs {
  inputs: tf.NamedTensorInfoMap;
  backend: unknown;
  attrs?: tf.NamedAttrMap;
}

function input(inputs: tf.NamedTensorInfoMap, name: string): tf.TensorInfo {
  const tensor = inputs[name];
  if (!tensor) throw new Error(`${NORMALIZE_BATCH}: no input '${name}'`);
  return tensor;
}

function rowsShape(x: tf.TensorInfo): [number, number] {
  if (x.shape.length !== 2) throw new Error(`${NORMALIZE_BATCH}: x must be rows of channels [n, c], got [${x.shape.join(', ')}]`);
  return [x.shape[0], x.shape[1]];
}

type Compute = (read: (name: string) => Float32Array, outputs: Float32Array[], shape: [number, number], epsilon: number) => void;

/** Runs `compute` on views of the inputs and of three new outputs, [n, c], [c] and [c] for `x` [n, c]. */
function withThreeOutputs({ inputs, backend, attrs }: KernelArgs, compute: Compute): tf.TensorInfo[] {
  const heap = backend as WasmHeap;
  const [n, c] = rowsShape(input(inputs, 'x'));
  const { epsilon } = attrs as unknown as { epsilon: number };
  const outputs = [heap.makeOutput([n, c], 'float32'), heap.makeOutput([c], 'float32'), heap.makeOutput([c], 'float32')];
  // Views only after every allocation: one may grow the backend's memory and detach earlier views.
  compute(
    (name) => heap.typedArrayFromHeap(input(inputs, name)),
    outputs.map((t) => heap.typedArrayFromHeap(t)),
    [n, c],
    epsilon,
  );
  return outputs;
}

/** inputs x [n, c], gamma and beta [c]; outputs [output, mean, variance]. */
const normalizeBatchKernel = (args: KernelArgs): tf.TensorInfo[] =>
  withThreeOutputs(args, (read, [output, mean, variance], shape, epsilon) => normalizeRows(read('x'), read('gamma'), read('beta'), epsilon, shape, { output, mean, variance }));

/** inputs dy and x [n, c], mean, variance and gamma [c]; outputs [dx, dγ, dβ]. */
const normalizeBatchGradientKernel = (args: KernelArgs): tf.TensorInfo[] =>
  withThreeOutputs(args, (read, [dx, dGamma, dBeta], shape, epsilon) =>
    normalizeRowsGradient(read('dy'), read('x'), { mean: read('mean'), variance: read('variance'), gamma: read('gamma') }, epsilon, shape, { dx, dGamma, dBeta }),
  );

export const normalizeBatchWasm: tf.KernelConfig = { kernelName: NORMALIZE_BATCH, backendName: 'wasm', kernelFunc: normalizeBatchKernel as tf.KernelFunc };
export const normalizeBatchGradientWasm: tf.KernelConfig = { kernelName: NORMALIZE_BATCH_GRADIENT, backendName: 'wasm', kernelFunc: normalizeBatchGradientKernel as tf.KernelFunc };
