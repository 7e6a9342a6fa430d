/** Reading the doctor's benchmark: which backend was fastest, and how the others compare. Pure. */

import type { BackendBenchmark } from '../protocol';

export type MeasuredBenchmark = BackendBenchmark & { imagesPerSecond: number };

function measured(results: readonly BackendBenchmark[]): MeasuredBenchmark[] {
  return results.filter((r): r is MeasuredBenchmark => r.imagesPerSecond !== undefined);
}

/** The fastest measured backend, or null when none finished. */
export function fastestBenchmark(results: readonly BackendBenchmark[]): MeasuredBenchmark | null {
  return measured(results).reduce<MeasuredBenchmark | null>((best, r) => (best === null || r.imagesPerSecond > best.imagesPerSecond ? r : best), null);
}

/** "3.2× slower than wasm" / "fastest"; empty for a failed run. */
export function comparedToFastest(result: BackendBenchmark, fastest: MeasuredBenchmark | null): string {
  if (result.imagesPerSecond === undefined || fastest === null) return '';
  if (result.name === fastest.name) return 'fastest';
  return `${(fastest.imagesPerSecond / result.imagesPerSecond).toFixed(1)}× slower than ${fastest.name}`;
}
