/** Problems a shape rule can report; the analysis turns them into diagnostics. */

import type { Shape, ShapeResult } from './types';
import { formatShape } from './shapeText';

export type ShapeProblemCode =
  | 'grid-collapsed'
  | 'concat-grid-mismatch'
  | 'residual-shape-mismatch'
  | 'dense-on-spatial'
  | 'needs-feature-map';

export function shapeProblem(code: ShapeProblemCode, message: string, hint: string, fallback?: Shape): ShapeResult {
  return { ok: false, error: fallback ? { code, message, hint, fallback } : { code, message, hint } };
}

export function isFeatureMap(shape: Shape | undefined): shape is Shape {
  return shape !== undefined && shape.length === 3;
}

/** For layers that work on an `[h, w, c]` feature map and were given something else. */
export function notFeatureMap(id: string, what: string, input: Shape | undefined): ShapeResult {
  const found = input === undefined ? 'no input' : `a vector of ${formatShape(input)}`;
  return shapeProblem(
    'needs-feature-map',
    `${what} ${id} needs an h×w×c feature map but receives ${found}.`,
    'Move it before the global pooling / flatten of the head.',
  );
}
