/**
 * One of our own WebAssembly kernel modules (a `.wat` assembled into base64 by
 * `npm run build:kernels`), instantiated once per thread on first use, its memory grown to the
 * most any call has needed. Such a module has a memory of its own, so callers copy tensors in
 * and results out (`copyKernels.wat` imports the backend's memory instead: `heapCopies.ts`).
 */

const PAGE_BYTES = 65536;

/** Bytes for `floats` float32s rounded up to 16, so every area starts aligned for SIMD loads. */
export const alignedBytes = (floats: number): number => Math.ceil(floats / 4) * 16;

/** A kernel module's bytes (base64, as `npm run build:kernels` writes them) compiled. */
export const compileKernelModule = (base64: string): WebAssembly.Module => new WebAssembly.Module(Buffer.from(base64, 'base64'));

export class KernelInstance<Exports extends { memory: WebAssembly.Memory }> {
  private exports: Exports | null = null;

  constructor(private readonly base64: string) {}

  /** The module's exports, its memory at least `bytes` long. */
  withRoom(bytes: number): Exports {
    this.exports ??= new WebAssembly.Instance(compileKernelModule(this.base64)).exports as unknown as Exports;
    const have = this.exports.memory.buffer.byteLength / PAGE_BYTES;
    const needed = Math.ceil(bytes / PAGE_BYTES);
    if (needed > have) this.exports.memory.grow(needed - have);
    return this.exports;
  }
}
