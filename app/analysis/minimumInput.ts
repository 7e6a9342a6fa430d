/**
 * The smallest square input for which no grid collapses, found by re-running the shape rules:
 * grid sizes never shrink when the input grows, so a binary search finds the boundary.
 */

import type { LayerGraph } from '../layers/types';
import { inferShapes } from './inferShapes';

/** Largest side tried; a design that needs more is reported as unworkable. */
export const LARGEST_INPUT = 1 << 15;

export function smallestSquareInput(graph: LayerGraph, channels: number): number | undefined {
  const known = (side: number): number | undefined => {
    const { outputs, problems } = inferShapes(graph, [side, side, channels]);
    return problems.some((problem) => problem.code === 'grid-collapsed') ? undefined : outputs.size;
  };
  // At the largest size every shape that can be known is; a size that works must match it, so
  // a branch mismatch that hides later layers does not count as working.
  const reference = known(LARGEST_INPUT);
  if (reference === undefined) return undefined;
  let works = LARGEST_INPUT;
  let fails = 0;
  while (works - fails > 1) {
    const middle = Math.floor((works + fails) / 2);
    if (known(middle) === reference) works = middle;
    else fails = middle;
  }
  return works;
}
