/** Turns the problems the shape rules found into diagnostics placed on design nodes. */

import type { DesignEdge } from '../design/types';
import type { LayerGraph } from '../layers/types';
import { edgeKey } from '../design/edits';
import { diagnostic, listNames } from './diagnostic';
import type { ShapeProblem } from './inferShapes';
import { LARGEST_INPUT, smallestSquareInput } from './minimumInput';
import type { Diagnostic, DiagnosticCode, InputSizeFix } from './types';

const codes: Readonly<Record<string, DiagnosticCode>> = {
  'grid-collapsed': 'grid-collapsed',
  'concat-grid-mismatch': 'concat-grid-mismatch',
  'residual-shape-mismatch': 'residual-shape-mismatch',
  'dense-on-spatial': 'dense-on-spatial',
  'needs-feature-map': 'needs-feature-map',
  'too-few-inputs': 'too-few-inputs',
  'too-many-inputs': 'too-many-inputs',
};

export function shapeDiagnostics(
  problems: readonly ShapeProblem[],
  graph: LayerGraph,
  incoming: ReadonlyMap<string, readonly DesignEdge[]>,
): Diagnostic[] {
  let collapse: { hint: string; fix?: InputSizeFix } | undefined;
  const minimumInput = (): { hint: string; fix?: InputSizeFix } => {
    if (collapse !== undefined) return collapse;
    const [h, w, c] = graph.input;
    const side = smallestSquareInput(graph, c);
    collapse =
      side === undefined
        ? { hint: ` No input up to ${LARGEST_INPUT}×${LARGEST_INPUT} keeps every grid at least 1×1.` }
        : {
            hint: ` The smallest square input that keeps every grid at least 1×1 is ${side}×${side} (the design uses ${h}×${w}).`,
            fix: { kind: 'input-size', label: `Set input to ${side}×${side}`, height: side, width: side },
          };
    return collapse;
  };

  return collapsedOncePerNode(problems).map(({ problem, alsoCollapsed }) => {
    const { layer } = problem;
    const inBlock = layer.id !== layer.nodeId;
    const code = codes[problem.code] ?? 'invalid-param';
    const collapsed = code === 'grid-collapsed' ? minimumInput() : undefined;
    const hint = problem.hint + (collapsed?.hint ?? '');
    const edges = inBlock ? undefined : (incoming.get(layer.nodeId) ?? []).map(edgeKey);
    const also = alsoCollapsed.length > 0 ? ` The grid also collapses at ${listNames(alsoCollapsed)}.` : '';
    const message = (inBlock ? `In ${layer.nodeId}: ${problem.message}` : problem.message) + also;
    return diagnostic('error', code, message, hint, [layer.nodeId], {
      ...(inBlock ? { layer: layer.id } : {}),
      ...(edges && edges.length > 0 ? { edges } : {}),
      ...(collapsed?.fix ? { fix: collapsed.fix } : {}),
    });
  });
}

/** Parallel branches of one block collapse together: one diagnostic per node names them all. */
function collapsedOncePerNode(problems: readonly ShapeProblem[]): { problem: ShapeProblem; alsoCollapsed: string[] }[] {
  const result: { problem: ShapeProblem; alsoCollapsed: string[] }[] = [];
  const collapsedAt = new Map<string, string[]>();
  for (const problem of problems) {
    const already = problem.code === 'grid-collapsed' ? collapsedAt.get(problem.layer.nodeId) : undefined;
    if (already) {
      already.push(problem.layer.id);
      continue;
    }
    const entry = { problem, alsoCollapsed: [] };
    if (problem.code === 'grid-collapsed') collapsedAt.set(problem.layer.nodeId, entry.alsoCollapsed);
    result.push(entry);
  }
  return result;
}
