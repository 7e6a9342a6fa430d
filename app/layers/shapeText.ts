/** Shapes as people read them: `35×35×384` for a feature map, `1536` for a vector. */

import type { Shape } from './types';

export function formatShape(shape: Shape): string {
  return shape.join('×');
}

/** Number of values in one image's tensor of this shape. */
export function shapeSize(shape: Shape): number {
  let size = 1;
  for (const n of shape) size *= n;
  return size;
}
