/**
 * `Slice`, `SplitV` and `Concat` on the wasm backend as a few long copies inside its memory.
 * Its own kernels copy one innermost row at a time through a new subarray (~100 ns each): a
 * channel split of a 32×17×17 map is ~9,000 of them per output. Here the trailing axes a slice
 * takes whole merge into one run, and each run is one `copyWithin` on the memory's bytes (a
 * memmove, no allocation). Strings (values held in JS), complex numbers and scalars keep the
 * backend's kernels.
 */

import * as tf from '@tensorflow/tfjs';
import type { WasmHeap } from './wasmHeap';

type KernelArgs = Parameters<tf.KernelFunc>[0];

/** The backend's memory as bytes, and where a tensor starts in it. */
function placed(heap: WasmHeap, info: tf.TensorInfo): { bytes: Uint8Array; offset: number } {
  const view = heap.typedArrayFromHeap(info);
  return { bytes: new Uint8Array(view.buffer), offset: view.byteOffset };
}

const copiedHere = (info: tf.TensorInfo): boolean => info.dtype !== 'string' && info.dtype !== 'complex64' && info.shape.length > 0;

/**
 * Copies the box `begin`…`begin + size` of a row-major tensor of `shape` at byte `from` to
 * byte `to`, densely, within `bytes`. The trailing axes the box spans whole and the first one
 * it does not make one run; the axes before it are walked like an odometer.
 */
export function copyBox(bytes: Uint8Array, from: number, shape: readonly number[], begin: readonly number[], size: readonly number[], to: number, elementBytes: number): void {
  const count = size.reduce((a, b) => a * b, 1);
  if (count === 0) return;
  const strides = new Array<number>(shape.length);
  for (let axis = shape.length - 1, stride = elementBytes; axis >= 0; axis--) {
    strides[axis] = stride;
    stride *= shape[axis];
  }
  let inner = shape.length - 1;
  while (inner > 0 && size[inner] === shape[inner]) inner--;
  const run = strides[inner] * size[inner];
  let source = from + begin.reduce((sum, b, axis) => sum + b * strides[axis], 0);
  const counter = new Array<number>(inner).fill(0);
  const end = to + count * elementBytes;
  for (let target = to; target < end; target += run) {
    bytes.copyWithin(target, source, source + run);
    let axis = inner - 1;
    for (; axis >= 0 && ++counter[axis] === size[axis]; axis--) {
      counter[axis] = 0;
      source -= strides[axis] * (size[axis] - 1);
    }
    if (axis >= 0) source += strides[axis];
  }
}

function sliceOf(heap: WasmHeap, x: tf.TensorInfo, begin: readonly number[], size: number[]): tf.TensorInfo {
  const out = heap.makeOutput(size, x.dtype);
  // After makeOutput: a larger memory means a new buffer.
  const source = placed(heap, x);
  copyBox(source.bytes, source.offset, x.shape, begin, size, placed(heap, out).offset, heap.typedArrayFromHeap(x).BYTES_PER_ELEMENT);
  return out;
}

export function fastSlice(original: tf.KernelConfig): tf.KernelConfig {
  const kernelFunc = (args: KernelArgs): tf.TensorInfo | tf.TensorInfo[] => {
    const x = args.inputs.x as tf.TensorInfo;
    if (!copiedHere(x)) return original.kernelFunc(args);
    const { begin, size } = args.attrs as unknown as { begin: number | number[]; size: number | number[] };
    const [begin_, size_] = tf.slice_util.parseSliceParams(x as tf.Tensor, begin, size);
    return sliceOf(args.backend as WasmHeap, x, begin_, size_);
  };
  return { ...original, kernelFunc };
}

export function fastSplitV(original: tf.KernelConfig): tf.KernelConfig {
  const kernelFunc = (args: KernelArgs): tf.TensorInfo | tf.TensorInfo[] => {
    const x = args.inputs.x as tf.TensorInfo;
    if (!copiedHere(x)) return original.kernelFunc(args);
    const { numOrSizeSplits, axis } = args.attrs as unknown as { numOrSizeSplits: number | number[]; axis: number | number[] };
    const along = tf.util.parseAxisParam(axis, x.shape)[0];
    const begin = x.shape.map(() => 0);
    return tf.backend_util.prepareSplitSize(x as tf.Tensor, numOrSizeSplits, along).map((part) => {
      const size = [...x.shape];
      size[along] = part;
      const out = sliceOf(args.backend as WasmHeap, x, begin, size);
      begin[along] += part;
      return out;
    });
  };
  return { ...original, kernelFunc };
}

/** Joins along `axis`: for each index of the axes before it, each input's block in turn. */
export function fastConcat(original: tf.KernelConfig): tf.KernelConfig {
  const kernelFunc = (args: KernelArgs): tf.TensorInfo | tf.TensorInfo[] => {
    const inputs = (args.inputs as unknown as tf.TensorInfo[]).filter((t) => tf.util.sizeFromShape(t.shape) > 0);
    if (inputs.length < 2 || !inputs.every(copiedHere)) return original.kernelFunc(args);
    const heap = args.backend as WasmHeap;
    const along = tf.util.parseAxisParam((args.attrs as unknown as { axis: number | number[] }).axis, inputs[0].shape)[0];
    const out = heap.makeOutput(tf.backend_util.computeOutShape(inputs.map((t) => t.shape), along), inputs[0].dtype);
    const target = placed(heap, out);
    const elementBytes = heap.typedArrayFromHeap(out).BYTES_PER_ELEMENT;
    const sources = inputs.map((t) => ({ offset: placed(heap, t).offset, block: tf.util.sizeFromShape(t.shape.slice(along)) * elementBytes }));
    const outer = tf.util.sizeFromShape(inputs[0].shape.slice(0, along));
    let to = target.offset;
    for (let i = 0; i < outer; i++) {
      for (const { offset, block } of sources) {
        target.bytes.copyWithin(to, offset + i * block, offset + (i + 1) * block);
        to += block;
      }
    }
    return out;
  };
  return { ...original, kernelFunc };
}
