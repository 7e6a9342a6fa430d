/**
 * A faster `Conv2DBackpropInput` for the wasm backend, whose own kernel is plain loops: the
 * input gradient as forward (XNNPACK) convolutions of `dy` with the filter flipped spatially
 * and its channels swapped, one per stride phase (`stridePhases.ts`), written into their rows
 * and columns of dx in place (`heapCopies.ts`): faster than the loops for every shape measured,
 * a single input channel included. Channels-first keeps them.
 */

import * as tf from '@tensorflow/tfjs';
import { heapCopies, placeOf, type HeapCopies } from './heapCopies';
import { axisPhase, phaseRows, type AxisPhase, type StridedAxis } from './stridePhases';
import { asTensor4D, explicitPadding, type ConvBackpropAttrs } from './tensorInputs';
import type { WasmHeap } from './wasmHeap';

interface BackpropInputAttrs extends ConvBackpropAttrs {
  inputShape: [number, number, number, number];
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

/**
 * Each phase's taps along height (axis 0) or width (axis 1): every `stride`-th tap from its
 * `firstTap`, as plain slices of the filter viewed in groups of `stride` taps, padded to whole
 * groups once (wasm's StridedSlice goes element by element).
 */
function phaseTaps(filter: tf.Tensor4D, axis: 0 | 1, stride: number): (phase: AxisPhase) => tf.Tensor4D {
  const [kh, kw, co, ci] = filter.shape;
  const kernel = axis === 0 ? kh : kw;
  const groups = Math.ceil(kernel / stride);
  const extra = groups * stride - kernel;
  let grouped: tf.Tensor4D | undefined;
  return ({ firstTap, taps }) => {
    if (taps === kernel) return filter;
    grouped ??= (extra === 0 ? filter : tf.pad(filter, axis === 0 ? [[0, extra], [0, 0], [0, 0], [0, 0]] : [[0, 0], [0, extra], [0, 0], [0, 0]]))
      .reshape<tf.Tensor4D>(axis === 0 ? [groups, stride, kw, co * ci] : [kh, groups, stride, co * ci]);
    const group = Math.floor(firstTap / stride);
    const offset = firstTap % stride;
    if (axis === 0) return grouped.slice([group, offset, 0, 0], [taps, 1, kw, co * ci]).reshape([taps, kw, co, ci]);
    return grouped.slice([0, group, offset, 0], [kh, taps, 1, co * ci]).reshape([kh, taps, co, ci]);
  };
}

/** Rows and columns of `dy` a phase reads: the part that exists, and the zeros around it as padding. */
function phaseWindow(dy: tf.Tensor4D, h: AxisPhase, w: AxisPhase): { window: tf.Tensor4D; padding: ReturnType<typeof explicitPadding> } | null {
  const [b, oh, ow, c] = dy.shape;
  const top = Math.max(h.start, 0);
  const bottom = Math.min(h.start + h.span, oh);
  const left = Math.max(w.start, 0);
  const right = Math.min(w.start + w.span, ow);
  if (bottom <= top || right <= left) return null;
  const whole = top === 0 && left === 0 && bottom === oh && right === ow;
  return {
    window: whole ? dy : dy.slice([0, top, left, 0], [b, bottom - top, right - left, c]),
    padding: explicitPadding(top - h.start, h.start + h.span - bottom, left - w.start, w.start + w.span - right),
  };
}

/** One stride phase's place in dx, and its convolution's output (absent: no tap reaches it, zeros). */
interface PhaseOutput {
  rh: number;
  rw: number;
  values?: tf.Tensor4D;
}

/**
 * The phases' outputs ([b, rows, cols, c]) written into their rows and columns of dx
 * ([b, h, w, c]): row rh + t·sh, column rw + u·sw, those inside dx. One `copy2d` per image
 * and phase, a pixel's channels per run.
 */
function weave(heap: WasmHeap, copies: HeapCopies, phases: readonly PhaseOutput[], [b, h, w, c]: readonly number[], [sh, sw]: readonly number[], [rows, cols]: readonly number[]): tf.TensorInfo {
  const dx = heap.makeOutput([b, h, w, c], 'float32');
  const target = placeOf(heap, dx).offset;
  const pixel = c * 4;
  for (const { rh, rw, values } of phases) {
    // Rows and columns of dx in this phase; none (0) where dx is shorter than the stride.
    const height = Math.ceil((h - rh) / sh);
    const width = Math.ceil((w - rw) / sw);
    const source = values && placeOf(heap, values).offset;
    for (let image = 0; image < b; image++) {
      const at = target + ((image * h + rh) * w + rw) * pixel;
      if (source === undefined) copies.zero2d(at, sh * w * pixel, sw * pixel, pixel, height, width);
      else copies.copy2d(source + image * rows * cols * pixel, cols * pixel, pixel, at, sh * w * pixel, sw * pixel, pixel, height, width);
    }
  }
  return dx;
}

export interface InputGradientGeometry {
  inputShape: readonly [number, number, number, number];
  strides: readonly [number, number];
  pad: { top: number; left: number };
}

function inputGradientByPhases(heap: WasmHeap, copies: HeapCopies, dy: tf.Tensor4D, filter: tf.Tensor4D, { inputShape, strides, pad }: InputGradientGeometry): tf.TensorInfo {
  const [kh, kw] = filter.shape;
  const [, h, w] = inputShape;
  const [sh, sw] = strides;
  const height: StridedAxis = { size: h, kernel: kh, stride: sh, padBefore: pad.top };
  const width: StridedAxis = { size: w, kernel: kw, stride: sw, padBefore: pad.left };
  const phases: PhaseOutput[] = [];
  const convolutions = tf.tidy(() => {
    const heightTaps = phaseTaps(flippedFilter(filter), 0, sh);
    for (let rh = 0; rh < sh; rh++) {
      const hp = axisPhase(height, rh);
      const widthTaps = hp.taps === 0 ? null : phaseTaps(heightTaps(hp), 1, sw);
      for (let rw = 0; rw < sw; rw++) {
        const wp = axisPhase(width, rw);
        const read = widthTaps && wp.taps > 0 ? phaseWindow(dy, hp, wp) : null;
        phases.push({ rh, rw, ...(widthTaps && read ? { values: tf.conv2d(read.window, widthTaps(wp), 1, read.padding) } : {}) });
      }
    }
    return phases.flatMap((phase) => (phase.values ? [phase.values] : []));
  });
  try {
    return weave(heap, copies, phases, inputShape, strides, [phaseRows(height), phaseRows(width)]);
  } finally {
    tf.dispose(convolutions);
  }
}

export function conv2dBackpropInputWasm(original: tf.KernelConfig): tf.KernelConfig {
  const kernelFunc = (args: { inputs: tf.NamedTensorInfoMap; backend: unknown; attrs?: tf.NamedAttrMap }): tf.TensorInfo | tf.TensorInfo[] => {
    const { strides, pad, dataFormat, dimRoundingMode, inputShape } = args.attrs as unknown as BackpropInputAttrs;
    const dy = asTensor4D(args.inputs.dy, 'dy');
    const filter = asTensor4D(args.inputs.filter, 'filter');
    const copies = heapCopies(args.backend);
    if (dataFormat !== 'NHWC' || !copies) return original.kernelFunc(args as Parameters<tf.KernelFunc>[0]);
    const info = tf.backend_util.computeConv2DInfo(inputShape, filter.shape, strides, 1, pad, dimRoundingMode);
    return inputGradientByPhases(args.backend as WasmHeap, copies, dy, filter, { inputShape, strides: [info.strideHeight, info.strideWidth], pad: info.padInfo });
  };
  return { ...original, kernelFunc: kernelFunc as tf.KernelFunc };
}
