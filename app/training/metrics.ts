/** Accuracy and loss bookkeeping computed from class probabilities, on plain arrays. */

import type { StepMetrics } from './types';

/**
 * How many rows of `probabilities` (row-major, `classes` wide) rank the true label within
 * their `k` highest; ties count against the label (a constant output scores chance, not 100%).
 */
export function topKCorrect(probabilities: ArrayLike<number>, labels: ArrayLike<number>, classes: number, k: number): number {
  let correct = 0;
  for (let row = 0; row < labels.length; row++) {
    const offset = row * classes;
    const target = probabilities[offset + labels[row]];
    let higher = 0;
    for (let c = 0; c < classes; c++) {
      const p = probabilities[offset + c];
      if (p > target || (p === target && c < labels[row])) higher++;
    }
    if (higher < k) correct++;
  }
  return correct;
}

/** Sums metrics over batches of different sizes and reports the per-image means. */
export class MetricsAccumulator {
  private lossSum = 0;
  private top1Sum = 0;
  private top5Sum = 0;
  private images = 0;

  add(meanLoss: number, top1Correct: number, top5Correct: number, batchSize: number): void {
    this.lossSum += meanLoss * batchSize;
    this.top1Sum += top1Correct;
    this.top5Sum += top5Correct;
    this.images += batchSize;
  }

  get count(): number {
    return this.images;
  }

  mean(): StepMetrics {
    const n = Math.max(1, this.images);
    return { loss: this.lossSum / n, top1: this.top1Sum / n, top5: this.top5Sum / n };
  }
}

/** `matrix[true][predicted]` counts, predicted = the row's arg-max. */
export function addToConfusion(matrix: number[][], probabilities: ArrayLike<number>, labels: ArrayLike<number>, classes: number): void {
  for (let row = 0; row < labels.length; row++) {
    let best = 0;
    for (let c = 1; c < classes; c++) {
      if (probabilities[row * classes + c] > probabilities[row * classes + best]) best = c;
    }
    matrix[labels[row]][best]++;
  }
}
