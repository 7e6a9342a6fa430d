/**
 * The design-wide settings a user changes from the command line or the input node's inspector:
 * the input size and the class count (the units of the classifier).
 */

import { DESIGN_LIMITS } from './limits';
import { getNodeType } from './nodeTypes';
import type { ParamSpec } from './paramSpec';
import { resolveParams } from './resolveParams';
import type { DesignDocument, DesignInput } from './types';

/** The input's sides and channels as fields, checked against the design limits. */
export const INPUT_SPECS: readonly (ParamSpec & { name: keyof DesignInput })[] = [
  { name: 'height', label: 'Height', help: 'Input height in pixels.', kind: 'int', default: 299, min: 1, max: DESIGN_LIMITS.inputSize },
  { name: 'width', label: 'Width', help: 'Input width in pixels.', kind: 'int', default: 299, min: 1, max: DESIGN_LIMITS.inputSize },
  { name: 'channels', label: 'Channels', help: '1 gray, 3 RGB, 4 RGBA.', kind: 'int', default: 3, min: 1, max: DESIGN_LIMITS.inputChannels },
];

/** The class count as a field: the classifier's units. */
export const CLASSES_SPEC: ParamSpec = {
  name: 'classes',
  label: 'Classes',
  help: 'Outputs of the classifier (its dense layer units).',
  kind: 'int',
  default: 1000,
  min: 1,
  max: DESIGN_LIMITS.classes,
};

export function withInputSize(document: DesignDocument, size: number): DesignDocument {
  return withInput(document, { height: size, width: size });
}

/** Changes some of the input's height, width and channels; the same document when nothing changes. */
export function withInput(document: DesignDocument, input: Partial<DesignInput>): DesignDocument {
  const next = { ...document.input, ...input };
  const same = next.height === document.input.height && next.width === document.input.width && next.channels === document.input.channels;
  return same ? document : { ...document, input: next };
}

/** Dense nodes with no other dense node downstream: the classifier layers. */
export function classifierNodes(document: DesignDocument): string[] {
  const next = new Map<string, string[]>();
  // Stryker disable next-line ArrayDeclaration: a placeholder id has spaces, which no node id has, so it reaches no dense layer
  for (const edge of document.edges) next.set(edge.source, [...(next.get(edge.source) ?? []), edge.target]);
  const dense = new Set(document.nodes.filter((node) => node.type === 'dense').map((node) => node.id));
  const reachesDense = (start: string): boolean => {
    const seen = new Set<string>();
    // Stryker disable next-line ArrayDeclaration: a placeholder id has spaces, which no node id has, so it reaches no dense layer
    const stack = [...(next.get(start) ?? [])];
    while (stack.length > 0) {
      const id = stack.pop() as string;
      if (seen.has(id)) continue;
      seen.add(id);
      if (dense.has(id)) return true;
      // Stryker disable next-line ArrayDeclaration: a placeholder id has spaces, which no node id has, so it reaches no dense layer
      stack.push(...(next.get(id) ?? []));
    }
    return false;
  };
  return [...dense].filter((id) => !reachesDense(id));
}

/** The classifier's units (its default when unset), or undefined when the design has no classifier. */
export function classCount(document: DesignDocument): number | undefined {
  const [first] = classifierNodes(document);
  const node = document.nodes.find((candidate) => candidate.id === first);
  const info = getNodeType('dense')?.info;
  if (!node || !info) return undefined;
  const units = resolveParams(info, node.params).values.units;
  return typeof units === 'number' ? units : undefined;
}

/** Sets `units` on the classifier dense layer(s); undefined when the design has none. */
export function withClasses(document: DesignDocument, classes: number): DesignDocument | undefined {
  const targets = new Set(classifierNodes(document));
  if (targets.size === 0) return undefined;
  if ([...targets].every((id) => document.nodes.find((node) => node.id === id)?.params.units === classes)) return document;
  const nodes = document.nodes.map((node) => (targets.has(node.id) ? { ...node, params: { ...node.params, units: classes } } : node));
  return { ...document, nodes };
}
