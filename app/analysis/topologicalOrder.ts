/**
 * Orders design nodes so every node comes after its sources. Nodes on a cycle are left out and
 * reported, one diagnostic per cycle; nodes downstream of a cycle are still ordered.
 */

import { diagnostic, listNames } from './diagnostic';
import type { DesignGraph } from './designGraph';
import type { Diagnostic } from './types';

export interface NodeOrder {
  order: string[];
  /** Ids of nodes on a cycle. */
  cyclic: Set<string>;
  diagnostics: Diagnostic[];
}

export function topologicalOrder(graph: DesignGraph): NodeOrder {
  const indegree = new Map<string, number>();
  for (const [id, edges] of graph.incoming) indegree.set(id, edges.length);
  const order: string[] = [];
  for (const [id, degree] of indegree) if (degree === 0) order.push(id);
  // Stryker disable next-line EqualityOperator: one step past the end finds no edges to follow
  for (let i = 0; i < order.length; i++) {
    for (const edge of graph.outgoing.get(order[i]) ?? []) {
      const left = (indegree.get(edge.target) ?? 0) - 1;
      indegree.set(edge.target, left);
      if (left === 0) order.push(edge.target);
    }
  }
  const cyclic = new Set<string>();
  const diagnostics: Diagnostic[] = [];
  // Stryker disable next-line ConditionalExpression: a shortcut; with every node placed the search below finds nothing
  if (order.length === graph.nodes.size) return { order, cyclic, diagnostics };

  const placed = new Set(order);
  const rest = [...graph.nodes.keys()].filter((id) => !placed.has(id));
  for (const component of stronglyConnected(rest, graph)) {
    const onCycle = component.length > 1 || (graph.outgoing.get(component[0]) ?? []).some((edge) => edge.target === component[0]);
    if (!onCycle) {
      order.push(component[0]);
      continue;
    }
    const ids = rest.filter((id) => component.includes(id));
    for (const id of ids) cyclic.add(id);
    diagnostics.push(
      diagnostic(
        'error',
        'cycle',
        ids.length === 1 ? `Node ${ids[0]} feeds itself.` : `Nodes ${listNames(ids)} form a cycle; data must flow one way from the input to the output.`,
        'Remove one of the edges that closes the loop.',
        ids,
      ),
    );
  }
  return { order, cyclic, diagnostics };
}

/** Tarjan's algorithm on the nodes in `ids`; components come out in topological order. */
function stronglyConnected(ids: readonly string[], graph: DesignGraph): string[][] {
  const within = new Set(ids);
  const index = new Map<string, number>();
  const low = new Map<string, number>();
  // Stryker disable next-line ArrayDeclaration: popping stops at the component's root, so nothing below the first root is read
  const stack: string[] = [];
  const onStack = new Set<string>();
  const components: string[][] = [];

  function visit(id: string): void {
    index.set(id, index.size);
    low.set(id, index.get(id) ?? 0);
    stack.push(id);
    onStack.add(id);
    for (const { target } of graph.outgoing.get(id) ?? []) {
      // Stryker disable next-line ConditionalExpression: an unplaced node feeds only unplaced nodes (a placed node has all its sources placed)
      if (!within.has(target)) continue;
      if (!index.has(target)) {
        visit(target);
        low.set(id, Math.min(low.get(id) ?? 0, low.get(target) ?? 0));
      } else if (onStack.has(target)) {
        low.set(id, Math.min(low.get(id) ?? 0, index.get(target) ?? 0));
      }
    }
    if (low.get(id) !== index.get(id)) return;
    const component: string[] = [];
    let member: string | undefined;
    do {
      member = stack.pop();
      if (member === undefined) break;
      onStack.delete(member);
      component.push(member);
    } while (member !== id);
    components.push(component);
  }

  for (const id of ids) if (!index.has(id)) visit(id);
  return components.reverse();
}
