/**
 * `Slice`, `SplitV` and `Concat` on the wasm backend as copies of long runs inside its memory
 * (`heapCopies.ts`). Its own kernels copy one innermost row at a time through a new subarray
 * (~100 ns each): a channel split of a 32×17×17 map is ~9,000 of them per output. Here the
 * trailing axes a slice takes whole merge into one run, and the two axes before it are walked in
 * WebAssembly. Strings keep the backend's kernels, as does a backend whose memory cannot be
 * reached.
 */

import * as tf from '@tensorflow/tfjs';
import { heapCopies, placeOf, type HeapCopies } from './heapCopies';
import type { WasmHeap } from './wasmHeap';

type KernelArgs = Parameters<tf.KernelFunc>[0];

/** Strings' values live in JavaScript, not in the memory. (tfjs refuses to slice a scalar, and wasm has no complex numbers.) */
const copiedHere = (info: tf.TensorInfo): boolean => info.dtype !== 'string';

/**
 * Copies the box `begin`…`begin + size` of a row-major tensor of `shape` at byte `from` to byte
 * `to`, densely. The trailing axes the box spans whole and the first one it does not make one
 * run; the two axes before it are one `copy2d`, and any before those are walked like an odometer.
 */
export function copyBox(copies: HeapCopies, from: number, shape: readonly number[], begin: readonly number[], size: readonly number[], to: number, elementBytes: number): void {
  const strides = shape.map((_, axis) => elementBytes * tf.util.sizeFromShape(shape.slice(axis + 1)));
  const inner = Math.max(0, size.findLastIndex((n, axis) => n !== shape[axis]));
  const run = strides[inner] * size[inner];
  // The two axes before the run; one that does not exist is a single step, its stride unread.
  const [rowAxis, runAxis] = [inner - 2, inner - 1];
  const rows = size[rowAxis] ?? 1;
  const runs = size[runAxis] ?? 1;
  const block = rows * runs * run;
  let source = from + begin.reduce((sum, b, axis) => sum + b * strides[axis], 0);
  const counter = new Array<number>(Math.max(rowAxis, 0)).fill(0);
  const end = to + size.reduce((a, b) => a * b, 1) * elementBytes;
  for (let target = to; target < end; target += block) {
    copies.copy2d(source, strides[rowAxis] ?? 0, strides[runAxis] ?? 0, target, runs * run, run, run, rows, runs);
    let axis = counter.length - 1;
    // Stryker disable next-line ConditionalExpression,EqualityOperator: only the last block carries past the first axis, and its source is never used
    for (; axis >= 0 && ++counter[axis] === size[axis]; axis--) {
      counter[axis] = 0;
      source -= strides[axis] * (size[axis] - 1);
    }
    // Stryker disable next-line ConditionalExpression: as above
    if (axis >= 0) source += strides[axis];
  }
}

function sliceOf(heap: WasmHeap, copies: HeapCopies, x: tf.TensorInfo, begin: readonly number[], size: number[]): tf.TensorInfo {
  const out = heap.makeOutput(size, x.dtype);
  const source = placeOf(heap, x);
  copyBox(copies, source.offset, x.shape, begin, size, placeOf(heap, out).offset, source.elementBytes);
  return out;
}

/** `original` with `compute` in its place wherever our copies can run: the backend's memory reached, `x` not strings. */
function copyingX(original: tf.KernelConfig, compute: (x: tf.TensorInfo, args: KernelArgs, heap: WasmHeap, copies: HeapCopies) => tf.TensorInfo | tf.TensorInfo[]): tf.KernelConfig {
  const kernelFunc = (args: KernelArgs): tf.TensorInfo | tf.TensorInfo[] => {
    const x = args.inputs.x as tf.TensorInfo;
    const copies = heapCopies(args.backend);
    return copies && copiedHere(x) ? compute(x, args, args.backend as WasmHeap, copies) : original.kernelFunc(args);
  };
  return { ...original, kernelFunc };
}

export const fastSlice = (original: tf.KernelConfig): tf.KernelConfig =>
  copyingX(original, (x, args, heap, copies) => {
    const { begin, size } = args.attrs as unknown as { begin: number | number[]; size: number | number[] };
    const [begin_, size_] = tf.slice_util.parseSliceParams(x as tf.Tensor, begin, size);
    return sliceOf(heap, copies, x, begin_, size_);
  });

export const fastSplitV = (original: tf.KernelConfig): tf.KernelConfig =>
  copyingX(original, (x, args, heap, copies) => {
    const { numOrSizeSplits, axis } = args.attrs as unknown as { numOrSizeSplits: number | number[]; axis: number | number[] };
    const along = tf.util.parseAxisParam(axis, x.shape)[0];
    const begin = x.shape.map(() => 0);
    return tf.backend_util.prepareSplitSize(x as tf.Tensor, numOrSizeSplits, along).map((part) => {
      const size = [...x.shape];
      size[along] = part;
      const out = sliceOf(heap, copies, x, begin, size);
      begin[along] += part;
      return out;
    });
  });

/** Joins along `axis`: each input's blocks (one per index of the axes before it) in one `copy2d`. */
export function fastConcat(original: tf.KernelConfig): tf.KernelConfig {
  const kernelFunc = (args: KernelArgs): tf.TensorInfo | tf.TensorInfo[] => {
    const inputs = (args.inputs as unknown as tf.TensorInfo[]).filter((t) => tf.util.sizeFromShape(t.shape) > 0);
    const copies = heapCopies(args.backend);
    // Concat's inputs share one dtype.
    if (!copies || inputs.length < 2 || !copiedHere(inputs[0])) return original.kernelFunc(args);
    const heap = args.backend as WasmHeap;
    const along = tf.util.parseAxisParam((args.attrs as unknown as { axis: number | number[] }).axis, inputs[0].shape)[0];
    const out = heap.makeOutput(tf.backend_util.computeOutShape(inputs.map((t) => t.shape), along), inputs[0].dtype);
    const target = placeOf(heap, out);
    const blocks = inputs.map((t) => tf.util.sizeFromShape(t.shape.slice(along)) * target.elementBytes);
    const row = blocks.reduce((a, b) => a + b, 0);
    const outer = tf.util.sizeFromShape(inputs[0].shape.slice(0, along));
    let to = target.offset;
    inputs.forEach((input, i) => {
      copies.copy2d(placeOf(heap, input).offset, blocks[i], 0, to, row, 0, blocks[i], outer, 1);
      to += blocks[i];
    });
    return out;
  };
  return { ...original, kernelFunc };
}
