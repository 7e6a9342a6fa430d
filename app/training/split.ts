/** Deterministic, stratified train/validation split of a labelled sample list. */

import { mixSeed, shuffledIndices } from './seededRandom';

export interface SplitIndices {
  train: number[];
  validation: number[];
}

/**
 * Holds out `round(fraction × count)` samples of every class (at least one when the class has
 * two or more and the fraction is above 0), chosen by `seed`; both lists come back sorted.
 */
export function splitByClass(labels: readonly number[], fraction: number, seed: number): SplitIndices {
  const byClass = new Map<number, number[]>();
  labels.forEach((label, index) => {
    const members = byClass.get(label) ?? [];
    members.push(index);
    byClass.set(label, members);
  });
  const train: number[] = [];
  const validation: number[] = [];
  for (const [label, members] of byClass) {
    const wanted = fraction <= 0 || members.length < 2 ? 0 : Math.min(members.length - 1, Math.max(1, Math.round(fraction * members.length)));
    const order = shuffledIndices(members.length, mixSeed(seed, label, 0x5e1));
    order.forEach((position, rank) => (rank < wanted ? validation : train).push(members[position]));
  }
  return { train: train.sort((a, b) => a - b), validation: validation.sort((a, b) => a - b) };
}
