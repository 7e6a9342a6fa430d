/** Command-line overrides applied to a design read from a file: input size and class count. */

import type { DesignDocument } from '../design/types';

export function withInputSize(document: DesignDocument, size: number): DesignDocument {
  return { ...document, input: { ...document.input, height: size, width: size } };
}

/** Dense nodes with no other dense node downstream: the classifier layers. */
function classifierNodes(document: DesignDocument): string[] {
  const next = new Map<string, string[]>();
  for (const edge of document.edges) next.set(edge.source, [...(next.get(edge.source) ?? []), edge.target]);
  const dense = new Set(document.nodes.filter((node) => node.type === 'dense').map((node) => node.id));
  const reachesDense = (start: string): boolean => {
    const seen = new Set<string>();
    const stack = [...(next.get(start) ?? [])];
    while (stack.length > 0) {
      const id = stack.pop() as string;
      if (seen.has(id)) continue;
      seen.add(id);
      if (dense.has(id)) return true;
      stack.push(...(next.get(id) ?? []));
    }
    return false;
  };
  return [...dense].filter((id) => !reachesDense(id));
}

/** Sets `units` on the classifier dense layer(s); undefined when the design has none. */
export function withClasses(document: DesignDocument, classes: number): DesignDocument | undefined {
  const targets = new Set(classifierNodes(document));
  if (targets.size === 0) return undefined;
  const nodes = document.nodes.map((node) => (targets.has(node.id) ? { ...node, params: { ...node.params, units: classes } } : node));
  return { ...document, nodes };
}
