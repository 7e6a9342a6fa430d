/**
 * Random edits of valid designs (deleting nodes, rewiring edges, odd parameter values, wrong
 * types) must never make the analysis throw; they must show up as diagnostics.
 */

import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { DesignDocument, DesignEdge, ParamValue } from '../design/types';
import { buildPreset } from '../presets/index';
import { analyze } from './analyze';
import { edgeKey } from '../design/edits';
import { stemChain } from './testing/designs';

const bases: readonly DesignDocument[] = [stemChain(), buildPreset('inception-v4', { input: 96 }), buildPreset('inception-resnet-v2-tfslim', { input: 96 })];

const oddValues: readonly ParamValue[] = [0, -1, -0.5, Number.NaN, Number.POSITIVE_INFINITY, 1e12, 2.5, 'relu', 'same', '', true, false, [], [0, 0], [1e9, 1], [-1, 2], [3], [1, 2, 3]];
const paramNames = ['filters', 'kernel', 'strides', 'padding', 'units', 'rate', 'scale', 'activation', 'width', 'bnGamma', 'pool', 'bogus'];
const types = ['conv2d', 'concat', 'residualAdd', 'dense', 'globalAvgPool', 'input', 'inceptionA', 'reductionA', 'block35', 'nonsense'];

type Edit =
  | { op: 'delete'; node: number; keepEdges: boolean }
  | { op: 'rewire'; edge: number; end: 'source' | 'target'; node: number; port: number }
  | { op: 'connect'; from: number; to: number; port: number }
  | { op: 'param'; node: number; name: number; value: ParamValue }
  | { op: 'type'; node: number; type: number }
  | { op: 'input'; size: number };

const editArb: fc.Arbitrary<Edit> = fc.oneof(
  fc.record({ op: fc.constant('delete' as const), node: fc.nat(), keepEdges: fc.boolean() }),
  fc.record({ op: fc.constant('rewire' as const), edge: fc.nat(), end: fc.constantFrom('source' as const, 'target' as const), node: fc.nat(), port: fc.integer({ min: 0, max: 3 }) }),
  fc.record({ op: fc.constant('connect' as const), from: fc.nat(), to: fc.nat(), port: fc.integer({ min: 0, max: 3 }) }),
  fc.record({ op: fc.constant('param' as const), node: fc.nat(), name: fc.nat(paramNames.length - 1), value: fc.constantFrom(...oddValues) }),
  fc.record({ op: fc.constant('type' as const), node: fc.nat(), type: fc.nat(types.length - 1) }),
  fc.record({ op: fc.constant('input' as const), size: fc.constantFrom(0, -5, 1, 2, 31, 74, 75, 1.5, Number.NaN, 4096) }),
);

function pick<T>(items: readonly T[], index: number): T | undefined {
  return items.length === 0 ? undefined : items[index % items.length];
}

function applyEdit(doc: DesignDocument, edit: Edit): DesignDocument {
  const { nodes, edges } = doc;
  switch (edit.op) {
    case 'delete': {
      const node = pick(nodes, edit.node);
      if (!node) return doc;
      const kept = edit.keepEdges ? edges : edges.filter((edge) => edge.source !== node.id && edge.target !== node.id);
      return { ...doc, nodes: nodes.filter((other) => other !== node), edges: kept };
    }
    case 'rewire': {
      const edge = pick(edges, edit.edge);
      const node = pick(nodes, edit.node);
      if (!edge || !node) return doc;
      const rewired: DesignEdge = { ...edge, [edit.end]: node.id, port: edit.port };
      return { ...doc, edges: edges.map((other) => (other === edge ? rewired : other)) };
    }
    case 'connect': {
      const from = pick(nodes, edit.from);
      const to = pick(nodes, edit.to);
      return from && to ? { ...doc, edges: [...edges, { source: from.id, target: to.id, port: edit.port }] } : doc;
    }
    case 'param': {
      const node = pick(nodes, edit.node);
      if (!node) return doc;
      const params = { ...node.params, [paramNames[edit.name]]: edit.value };
      return { ...doc, nodes: nodes.map((other) => (other === node ? { ...node, params } : other)) };
    }
    case 'type': {
      const node = pick(nodes, edit.node);
      return node ? { ...doc, nodes: nodes.map((other) => (other === node ? { ...node, type: types[edit.type] } : other)) } : doc;
    }
    case 'input':
      return { ...doc, input: { ...doc.input, height: edit.size, width: edit.size } };
  }
}

describe('analyze under random edits', () => {
  it('never throws and accounts for every node and edge', () => {
    fc.assert(
      fc.property(fc.nat(bases.length - 1), fc.array(editArb, { minLength: 1, maxLength: 6 }), (base, edits) => {
        const doc = edits.reduce(applyEdit, bases[base]);
        const analysis = analyze(doc);
        for (const node of doc.nodes) expect(analysis.nodes[node.id]).toBeDefined();
        for (const edge of doc.edges) expect(edgeKey(edge) in analysis.edges).toBe(true);
        expect(Number.isFinite(analysis.totals.total)).toBe(true);
        for (const d of analysis.diagnostics) expect(d.message.length).toBeGreaterThan(0);
      }),
      { numRuns: 150 },
    );
  });

  it('an odd parameter value is reported on its node', () => {
    fc.assert(
      fc.property(fc.nat(bases.length - 1), fc.nat(), fc.nat(paramNames.length - 1), fc.constantFrom(-1, -0.5, Number.NaN, Number.POSITIVE_INFINITY, 'x', [0, 0]), (base, node, name, value) => {
        const target = pick(bases[base].nodes, node);
        const doc = applyEdit(bases[base], { op: 'param', node, name, value });
        const analysis = analyze(doc);
        const reported = analysis.diagnostics.filter((d) => (d.code === 'invalid-param' || d.code === 'unknown-param') && d.nodes[0] === target?.id);
        expect(reported.length).toBeGreaterThan(0);
      }),
      { numRuns: 100 },
    );
  });

  it('deleting a node in the middle of the network is reported', () => {
    fc.assert(
      fc.property(fc.nat(bases.length - 1), fc.nat(), fc.boolean(), (base, node, keepEdges) => {
        const doc = bases[base];
        const target = pick(doc.nodes, node);
        fc.pre(target !== undefined && doc.edges.some((e) => e.target === target.id) && doc.edges.some((e) => e.source === target.id));
        const analysis = analyze(applyEdit(doc, { op: 'delete', node, keepEdges }));
        expect(analysis.diagnostics.length).toBeGreaterThan(0);
      }),
      { numRuns: 60 },
    );
  });
});
