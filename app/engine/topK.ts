/** Top-K classes of one probability row. */

export interface ClassScore {
  classIndex: number;
  label: string;
  probability: number;
}

export function topK(probabilities: ArrayLike<number>, k: number, labels: readonly string[]): ClassScore[] {
  const indices = Array.from({ length: probabilities.length }, (_, i) => i);
  indices.sort((a, b) => probabilities[b] - probabilities[a] || a - b);
  return indices.slice(0, Math.max(0, k)).map((i) => ({ classIndex: i, label: labels[i] ?? `class ${i}`, probability: probabilities[i] }));
}

/** Whether every row is already a probability distribution (else the caller applies softmax). */
export function rowsAreDistributions(values: ArrayLike<number>, rowLength: number): boolean {
  for (let start = 0; start < values.length; start += rowLength) {
    let sum = 0;
    for (let i = start; i < start + rowLength; i++) {
      if (values[i] < 0) return false;
      sum += values[i];
    }
    if (Math.abs(sum - 1) > 1e-3) return false;
  }
  return true;
}
