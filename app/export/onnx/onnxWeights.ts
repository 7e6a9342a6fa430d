/**
 * An exported `.onnx` file's initializers back as the Studio's weights: the inverse of the
 * export's mapping, made from the same `onnxGraph` of the design so the two agree by
 * construction. Kernels return to TensorFlow's layout; the constants the export wrote for the
 * design (a residual scale, γ = 1 or β = 0 where the design learns none) must hold what the
 * design says. The first missing, extra, misshapen or differing tensor is named.
 */

import type { Result } from '../../result';
import type { ExportGraph, ExportTensor } from '../exportGraph';
import { channelsLastKernel } from '../tensorLayout';
import { onnxGraph } from './onnxGraph';

/** Initializer names are `<layer id>.<part>`, and layer ids hold no '.' (onnxGraph.ts). */
const layerOf = (name: string): string => name.split('.')[0];

/** A float32 as it was written (0.17, not 0.17000000178813934). */
const float32 = (value: number): number => Number(value.toPrecision(7));

function sameDims(a: readonly number[], b: readonly number[]): boolean {
  return a.length === b.length && a.every((n, i) => n === b[i]);
}

/** The Studio's weights (keyed `<layer id>/<weight>`) in `initializers`, checked against the design's export graph. */
export function studioWeightsFromOnnx(graph: ExportGraph, initializers: ReadonlyMap<string, ExportTensor>): Result<Map<string, ExportTensor>> {
  const weights = new Map<string, ExportTensor>();
  const expected = onnxGraph(graph).initializers;
  for (const wanted of expected) {
    const found = initializers.get(wanted.name);
    const where = `tensor '${wanted.name}' (layer ${layerOf(wanted.name)})`;
    if (!found) return { ok: false, error: `${where} is missing; the weights do not belong to this design` };
    if (!sameDims(found.shape, wanted.dims)) return { ok: false, error: `${where} has dims [${found.shape.join(', ')}]; the design needs [${wanted.dims.join(', ')}]` };
    if (wanted.weight !== undefined) {
      weights.set(wanted.weight, found.shape.length === 4 ? channelsLastKernel(found) : { shape: [...found.shape], values: found.values });
      continue;
    }
    const differs = wanted.values.findIndex((value, i) => found.values[i] !== value);
    if (differs >= 0) return { ok: false, error: `${where} holds ${float32(found.values[differs])} at index ${differs} where the design fixes ${float32(wanted.values[differs])}; the file was exported from another design` };
  }
  const names = new Set(expected.map((entry) => entry.name));
  const extra = [...initializers.keys()].find((name) => !names.has(name));
  if (extra !== undefined) return { ok: false, error: `tensor '${extra}' is not in the design; the weights do not belong to it` };
  return { ok: true, value: weights };
}
