/**
 * One row per distinct problem: the same diagnostic repeated in many blocks (the paper's 1154
 * in all ten Inception-ResNet-B blocks) is one problem with one fix, listed once with its places.
 */

import type { Diagnostic } from '../../app/analysis/types';

export interface DiagnosticGroup {
  /** The first occurrence: its message and hint stand for the group. */
  first: Diagnostic;
  /** The node each occurrence names first, in order. */
  nodes: readonly string[];
  count: number;
}

export function groupDiagnostics(diagnostics: readonly Diagnostic[]): DiagnosticGroup[] {
  const groups = new Map<string, { first: Diagnostic; nodes: string[]; count: number }>();
  for (const d of diagnostics) {
    const key = `${d.severity}|${d.code}|${d.hint}`;
    const group = groups.get(key) ?? { first: d, nodes: [], count: 0 };
    group.count += 1;
    if (d.nodes[0] !== undefined && !group.nodes.includes(d.nodes[0])) group.nodes.push(d.nodes[0]);
    groups.set(key, group);
  }
  return [...groups.values()];
}
