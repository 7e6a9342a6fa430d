import { describe, expect, it } from 'vitest';
import { heapCopies } from './heapCopies';

/** A stand-in for the wasm backend: only where it keeps its memory matters. */
function fakeBackend(): { backend: object; floats: Float32Array } {
  const memory = new WebAssembly.Memory({ initial: 1 });
  return { backend: { wasm: { asm: { memory } } }, floats: new Float32Array(memory.buffer) };
}

describe('copies inside the backend’s memory', () => {
  it('copy2d moves rows × runs of bytes between any strides', () => {
    const { backend, floats } = fakeBackend();
    floats.set(Array.from({ length: 24 }, (_, i) => i + 1));
    // A 2 × 3 grid of two-float runs from a 4 × 3 source of runs, every other source row.
    heapCopies(backend)!.copy2d(0, 2 * 3 * 8, 8, 400, 3 * 8, 8, 8, 2, 3);
    expect(Array.from(floats.subarray(100, 112))).toEqual([1, 2, 3, 4, 5, 6, 13, 14, 15, 16, 17, 18]);
  });

  it('copy2d spreads runs out: every other float of the target, the rest untouched', () => {
    const { backend, floats } = fakeBackend();
    floats.set([7, 8, 9]);
    floats.fill(-1, 100, 106);
    heapCopies(backend)!.copy2d(0, 0, 4, 400, 0, 8, 4, 1, 3);
    expect(Array.from(floats.subarray(100, 106))).toEqual([7, -1, 8, -1, 9, -1]);
  });

  it('zero2d clears only its runs', () => {
    const { backend, floats } = fakeBackend();
    floats.fill(5, 0, 8);
    heapCopies(backend)!.zero2d(4, 16, 4, 4, 2, 2);
    expect(Array.from(floats.subarray(0, 8))).toEqual([5, 0, 0, 5, 5, 0, 0, 5]);
  });

  it('no rows or no runs copy nothing', () => {
    const { backend, floats } = fakeBackend();
    floats.set([1, 2]);
    heapCopies(backend)!.copy2d(0, 4, 4, 4, 4, 4, 4, 0, 5);
    heapCopies(backend)!.zero2d(0, 4, 4, 4, 3, 0);
    expect(Array.from(floats.subarray(0, 2))).toEqual([1, 2]);
  });

  it('one instance per backend; none where the memory is not where tfjs-backend-wasm keeps it', () => {
    const { backend } = fakeBackend();
    expect(heapCopies(backend)).toBe(heapCopies(backend));
    expect(heapCopies(fakeBackend().backend)).not.toBe(heapCopies(backend));
    expect(heapCopies({})).toBeNull();
    expect(heapCopies({ wasm: { asm: { memory: new ArrayBuffer(8) } } })).toBeNull();
  });
});
