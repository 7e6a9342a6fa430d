/**
 * The optimizer's and the weight average's flat loops (flatKernels.wat) in their own small WebAssembly instance, with the
 * float arrays they work on kept in its memory as named areas of equal length. Plain JS loops
 * that round every step to float32 ran at ~25 ns a float; these run four lanes at a time.
 */

import { FLAT_KERNELS_WASM } from './flatKernelsWasm';
import { compileKernelModule } from '../wasmKernels/kernelInstance';

interface KernelExports {
  memory: WebAssembly.Memory;
  decay(w: number, g: number, n: number, decay: number): void;
  sumSquares(g: number, n: number): number;
  scale(g: number, n: number, s: number): void;
  addScaled(dst: number, src: number, n: number, a: number): void;
  average(shadow: number, w: number, n: number, d: number, oneMinusD: number): void;
  rmsprop(w: number, g: number, ms: number, mom: number, n: number, lr: number, rho: number, oneMinusRho: number, mu: number, eps: number): void;
  momentum(w: number, g: number, acc: number, n: number, c: number, mu: number): void;
  adam(w: number, g: number, m: number, v: number, n: number, b1: number, b2: number, omb1: number, omb2: number, c1: number, c2: number, step: number, eps: number): void;
}

let compiled: WebAssembly.Module | null = null;

const PAGE_BYTES = 65536;

/**
 * `areas` arrays of `length` floats each, at 16-byte aligned byte offsets (`at`), and the
 * kernels over them. Views (`area`) stay valid for the instance's life: its memory is sized once.
 */
export class FlatKernels {
  readonly k: KernelExports;
  private readonly stride: number;

  constructor(
    areas: number,
    readonly length: number,
  ) {
    compiled ??= compileKernelModule(FLAT_KERNELS_WASM);
    this.k = new WebAssembly.Instance(compiled).exports as unknown as KernelExports;
    this.stride = Math.ceil(length / 4) * 16;
    const needed = Math.ceil((this.stride * areas) / PAGE_BYTES);
    const have = this.k.memory.buffer.byteLength / PAGE_BYTES;
    // Stryker disable next-line EqualityOperator: growing by 0 pages changes nothing
    if (needed > have) this.k.memory.grow(needed - have);
  }

  /** Byte offset of area `index`. */
  at(index: number): number {
    return index * this.stride;
  }

  /** Area `index` as floats (a view into the instance's memory). */
  area(index: number): Float32Array {
    return new Float32Array(this.k.memory.buffer, this.at(index), this.length);
  }
}
