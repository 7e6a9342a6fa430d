/**
 * Older design formats, upgraded one version at a time to the current one.
 *
 * Version 1 (the first saved format) differs from version 2 in three ways:
 * - `inputShape: [height, width, channels]` instead of `input: { height, width, channels }`;
 * - edges are `{ from, to }`; the input order of a node is the order of its edges in the array
 *   (version 2 stores it as an explicit `port`);
 * - `position` is optional (version 1 laid nodes out on load).
 *
 * Version 3 adds the optional `overrides` of a block node (custom blocks); every version-2
 * document is a version-3 document as it stands.
 */

import type { IssueList } from './documentIssues';
import { isRecord } from './documentIssues';

type Migration = (document: Record<string, unknown>, issues: IssueList) => Record<string, unknown>;

/** Vertical spacing for nodes that version 1 stored without a position. */
const V1_ROW_HEIGHT = 120;

function migrateV1(document: Record<string, unknown>, issues: IssueList): Record<string, unknown> {
  const { inputShape, edges, nodes, ...rest } = document;
  let input: unknown = inputShape;
  const shapeOk =
    Array.isArray(inputShape) && inputShape.length === 3 && inputShape.every((n) => Number.isSafeInteger(n) && n >= 1);
  if (issues.check(shapeOk, 'inputShape', '[height, width, channels] of integers ≥ 1', inputShape)) {
    const [height, width, channels] = inputShape as number[];
    input = { height, width, channels };
  } else {
    issues.cover('input');
  }
  let migratedEdges: unknown = edges;
  // What is reported here is covered: the current schema would report it again.
  if (!issues.array(edges, 'edges')) issues.cover('edges');
  else {
    const ports = new Map<unknown, number>();
    migratedEdges = edges.map((edge, index) => {
      if (!issues.record(edge, `edges[${index}]`)) {
        issues.cover(`edges[${index}]`);
        return edge;
      }
      issues.onlyKnown(edge, `edges[${index}]`, ['from', 'to']);
      const ok = [issues.nonEmptyString(edge.from, `edges[${index}].from`), issues.nonEmptyString(edge.to, `edges[${index}].to`)];
      // Stryker disable next-line ConditionalExpression: an edge with both ends migrates to one the schema accepts, so covering it hides nothing
      if (!ok.every(Boolean)) issues.cover(`edges[${index}]`);
      const port = ports.get(edge.to) ?? 0;
      ports.set(edge.to, port + 1);
      return { source: edge.from, target: edge.to, port };
    });
  }
  const migratedNodes = Array.isArray(nodes)
    ? nodes.map((node, index) => (isRecord(node) && node.position === undefined ? { ...node, position: { x: 0, y: index * V1_ROW_HEIGHT } } : node))
    : nodes;
  return { ...rest, version: 2, input, nodes: migratedNodes, edges: migratedEdges };
}

/** Nothing to change: version 3 only adds an optional field. */
function migrateV2(document: Record<string, unknown>): Record<string, unknown> {
  return { ...document, version: 3 };
}

/** `migrations[n]` turns a version-n document into version n + 1. */
const migrations: Readonly<Record<number, Migration>> = { 1: migrateV1, 2: migrateV2 };

export const OLDEST_READABLE_VERSION = 1;

/** Upgrades `document` from `fromVersion` to the current version, recording problems met on the way. */
export function migrateDocument(document: Record<string, unknown>, fromVersion: number, toVersion: number, issues: IssueList): Record<string, unknown> {
  let current = document;
  for (let version = fromVersion; version < toVersion; version += 1) current = migrations[version](current, issues);
  return current;
}
