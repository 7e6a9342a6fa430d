/**
 * Batch normalisation with batch statistics, and its gradient, over rows of channels ([n, c]) in
 * batchNormKernels.wat: a few passes each, where the same mathematics from tfjs ops takes about
 * 40 kernel calls a layer and a step. Rows go through the module's memory a block at a time, so
 * its memory stays small whatever the activation; rows that fit in one block are copied in once.
 * The per-channel arithmetic is float32, as tfjs' ops compute it.
 */

import { alignedBytes, KernelInstance } from './kernelInstance';
import { BATCH_NORM_KERNELS_WASM } from './batchNormKernelsWasm';

interface BatchNormExports {
  memory: WebAssembly.Memory;
  sumColumns(src: number, n: number, c: number, dst: number): void;
  sumSquaredDeviations(src: number, mean: number, n: number, c: number, dst: number): void;
  sumDeviationProducts(dy: number, x: number, mean: number, n: number, c: number, dst: number): void;
  normalize(x: number, mean: number, scale: number, shift: number, n: number, c: number, dst: number): void;
  normalizeGradient(dy: number, x: number, mean: number, a: number, b: number, k: number, n: number, c: number, dst: number): void;
}

const kernels = new KernelInstance<BatchNormExports>(BATCH_NORM_KERNELS_WASM);

/** Floats of one block of rows in each row area (4 MiB). */
const BLOCK_FLOATS = 1 << 20;

/** The module's memory: three row areas (two inputs, one output) and the per-channel areas after them. */
class Layout {
  readonly blockRows: number;
  private readonly rowBytes: number;
  private readonly channelBytes: number;

  constructor(
    readonly n: number,
    readonly c: number,
  ) {
    this.blockRows = Math.max(1, Math.min(n, Math.floor(BLOCK_FLOATS / c)));
    this.rowBytes = alignedBytes(this.blockRows * c);
    this.channelBytes = alignedBytes(c);
  }

  /** Byte offset of row area `i` (0–2). */
  rows(i: number): number {
    return i * this.rowBytes;
  }

  /** Byte offset of per-channel area `i`. */
  channels(i: number): number {
    return 3 * this.rowBytes + i * this.channelBytes;
  }

  bytes(channelAreas: number): number {
    return this.channels(channelAreas);
  }
}

function view(memory: WebAssembly.Memory, at: number, length: number): Float32Array {
  return new Float32Array(memory.buffer, at, length);
}

/** Copies rows `first`… of `source` ([n, c]) into row area `area`. */
function copyRowsIn(k: BatchNormExports, layout: Layout, area: number, source: Float32Array, first: number, rows: number): void {
  view(k.memory, layout.rows(area), rows * layout.c).set(source.subarray(first * layout.c, (first + rows) * layout.c));
}

type RowPass = (first: number, rows: number) => void;

/**
 * Runs a pass over every block of rows with `sources` copied into row areas 0, 1, …: each
 * block before each pass, but rows that fit in one block only once for all the passes.
 */
function overRows(k: BatchNormExports, layout: Layout, sources: readonly Float32Array[]): (pass: RowPass) => void {
  let copied = false;
  return (pass) => {
    for (let first = 0; first < layout.n; first += layout.blockRows) {
      const rows = Math.min(layout.blockRows, layout.n - first);
      if (!copied || rows < layout.n) sources.forEach((source, area) => copyRowsIn(k, layout, area, source, first, rows));
      copied = true;
      pass(first, rows);
    }
  };
}

const reciprocalRoot = (variance: number, epsilon: number): number => Math.fround(1 / Math.fround(Math.sqrt(Math.fround(variance + epsilon))));

/** Writes the normalised `x` ([n, c]) into `output`, and its per-channel mean and (biased) variance. */
export function normalizeRows(
  x: Float32Array,
  gamma: Float32Array,
  beta: Float32Array,
  epsilon: number,
  [n, c]: readonly [number, number],
  out: { output: Float32Array; mean: Float32Array; variance: Float32Array },
): void {
  const layout = new Layout(n, c);
  const k = kernels.withRoom(layout.bytes(4));
  const [MEAN, SQUARES, SCALE, SHIFT] = [0, 1, 2, 3].map((i) => layout.channels(i));
  const pass = overRows(k, layout, [x]);
  view(k.memory, MEAN, c).fill(0);
  pass((_, rows) => k.sumColumns(layout.rows(0), rows, c, MEAN));
  const mean = view(k.memory, MEAN, c);
  for (let ch = 0; ch < c; ch++) mean[ch] = Math.fround(mean[ch] / n);
  view(k.memory, SQUARES, c).fill(0);
  pass((_, rows) => k.sumSquaredDeviations(layout.rows(0), MEAN, rows, c, SQUARES));
  const squares = view(k.memory, SQUARES, c);
  const scale = view(k.memory, SCALE, c);
  for (let ch = 0; ch < c; ch++) {
    out.mean[ch] = mean[ch];
    out.variance[ch] = Math.fround(squares[ch] / n);
    scale[ch] = Math.fround(gamma[ch] * reciprocalRoot(out.variance[ch], epsilon));
  }
  view(k.memory, SHIFT, c).set(beta);
  pass((first, rows) => {
    k.normalize(layout.rows(0), MEAN, SCALE, SHIFT, rows, c, layout.rows(2));
    out.output.set(view(k.memory, layout.rows(2), rows * c), first * c);
  });
}

/**
 * Writes the gradients of `normalizeRows` given the output's gradient `dy`: dx ([n, c]), and dγ
 * and dβ per channel. `mean` and `variance` are the forward pass's batch statistics:
 *   dx = γ·r·(dy − mean(dy) − (x − μ)·r²·mean(dy·(x − μ))),   r = 1/√(σ² + ε)
 */
export function normalizeRowsGradient(
  dy: Float32Array,
  x: Float32Array,
  statistics: { mean: Float32Array; variance: Float32Array; gamma: Float32Array },
  epsilon: number,
  [n, c]: readonly [number, number],
  out: { dx: Float32Array; dGamma: Float32Array; dBeta: Float32Array },
): void {
  const layout = new Layout(n, c);
  const k = kernels.withRoom(layout.bytes(6));
  const [MEAN, SUM_DY, SUM_DY_DEVIATION, A, B, K] = [0, 1, 2, 3, 4, 5].map((i) => layout.channels(i));
  view(k.memory, MEAN, c).set(statistics.mean);
  view(k.memory, SUM_DY, c).fill(0);
  view(k.memory, SUM_DY_DEVIATION, c).fill(0);
  const pass = overRows(k, layout, [dy, x]);
  pass((_, rows) => {
    k.sumColumns(layout.rows(0), rows, c, SUM_DY);
    k.sumDeviationProducts(layout.rows(0), layout.rows(1), MEAN, rows, c, SUM_DY_DEVIATION);
  });
  const sumDy = view(k.memory, SUM_DY, c);
  const sumDyDeviation = view(k.memory, SUM_DY_DEVIATION, c);
  const [a, b, shift] = [A, B, K].map((at) => view(k.memory, at, c));
  for (let ch = 0; ch < c; ch++) {
    const meanDy = Math.fround(sumDy[ch] / n);
    const meanDyDeviation = Math.fround(sumDyDeviation[ch] / n);
    const r = reciprocalRoot(statistics.variance[ch], epsilon);
    const factor = Math.fround(statistics.gamma[ch] * r);
    a[ch] = factor;
    b[ch] = -Math.fround(Math.fround(factor * Math.fround(r * r)) * meanDyDeviation);
    shift[ch] = -Math.fround(factor * meanDy);
    out.dGamma[ch] = Math.fround(Math.fround(meanDyDeviation * r) * n);
    out.dBeta[ch] = Math.fround(meanDy * n);
  }
  pass((first, rows) => {
    k.normalizeGradient(layout.rows(0), layout.rows(1), MEAN, A, B, K, rows, c, layout.rows(2));
    out.dx.set(view(k.memory, layout.rows(2), rows * c), first * c);
  });
}
