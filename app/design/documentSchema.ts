/**
 * The structural schema of a current-version design document. It checks types, required fields and
 * unique node ids, records every problem, and builds a fresh document from what it checked.
 * References between nodes (an edge to a missing node) are the analysis's concern.
 */

import { DESIGN_LIMITS } from './limits';
import type { IssueList } from './documentIssues';
import { describeFound, isRecord } from './documentIssues';
import type { DesignDocument, DesignEdge, DesignInput, DesignNode, LayerOverrides, ParamValue, ParamValues } from './types';
import { DESIGN_FORMAT, DESIGN_VERSION } from './types';

const NODE_ID_PATTERN = /^[A-Za-z0-9_-]+$/;

const DOCUMENT_FIELDS = ['format', 'version', 'name', 'input', 'nodes', 'edges', 'notes', 'classes'];
const NODE_FIELDS = ['id', 'type', 'params', 'position', 'label', 'overrides'];
/** A layer's path inside its block: node-id characters in `/`-separated parts. */
const LAYER_PATH_PATTERN = /^[A-Za-z0-9_-]+(\/[A-Za-z0-9_-]+)*$/;

function checkInput(value: unknown, issues: IssueList): DesignInput | undefined {
  if (!issues.record(value, 'input')) return undefined;
  issues.onlyKnown(value, 'input', ['height', 'width', 'channels']);
  // Stryker disable next-line MethodExpression: refused anyway, see checkCurrentDocument
  const ok = [
    issues.integer(value.height, 'input.height', 1, DESIGN_LIMITS.inputSize),
    issues.integer(value.width, 'input.width', 1, DESIGN_LIMITS.inputSize),
    issues.integer(value.channels, 'input.channels', 1, DESIGN_LIMITS.inputChannels),
  ].every(Boolean);
  return ok ? { height: value.height as number, width: value.width as number, channels: value.channels as number } : undefined;
}

function checkParamValue(value: unknown, path: string, issues: IssueList): ParamValue | undefined {
  if (typeof value === 'string' || typeof value === 'boolean') return value;
  if (typeof value === 'number' && Number.isFinite(value)) return value;
  if (Array.isArray(value) && value.every((n) => Number.isFinite(n))) return [...(value as number[])];
  issues.add(path, 'a number, string, boolean or array of numbers', describeFound(value));
  return undefined;
}

/** An object of parameter values; undefined when it or any value is malformed. */
function checkParams(value: unknown, path: string, issues: IssueList): ParamValues | undefined {
  if (!issues.record(value, path)) return undefined;
  const params: Record<string, ParamValue> = {};
  let ok = true;
  for (const [key, raw] of Object.entries(value)) {
    const checked = checkParamValue(raw, `${path}.${key}`, issues);
    if (checked === undefined) ok = false;
    else params[key] = checked;
  }
  return ok ? params : undefined;
}

/** Per-layer settings of a block: layer paths to non-empty parameter objects; the object itself is never empty. */
function checkOverrides(value: unknown, path: string, issues: IssueList): LayerOverrides | undefined {
  if (!issues.record(value, path)) return undefined;
  if (Object.keys(value).length === 0) {
    issues.add(path, 'at least one layer (leave the field out for none)', 'an empty object');
    return undefined;
  }
  const overrides: Record<string, ParamValues> = {};
  let ok = true;
  for (const [layer, raw] of Object.entries(value)) {
    const layerPath = `${path}.${layer}`;
    const pathOk = issues.check(LAYER_PATH_PATTERN.test(layer), layerPath, 'a layer path such as branch2/conv1', layer);
    const params = checkParams(raw, layerPath, issues);
    if (params !== undefined && Object.keys(params).length === 0) issues.add(layerPath, 'at least one setting', 'an empty object');
    // Stryker disable next-line ConditionalExpression,EqualityOperator: refused anyway, see checkCurrentDocument
    if (pathOk && params && Object.keys(params).length > 0) overrides[layer] = params;
    // Stryker disable next-line BooleanLiteral: refused anyway, see checkCurrentDocument
    else ok = false;
  }
  return ok ? overrides : undefined;
}

function checkNode(value: unknown, path: string, issues: IssueList): DesignNode | undefined {
  if (!issues.record(value, path)) return undefined;
  issues.onlyKnown(value, path, NODE_FIELDS);
  const idOk = issues.check(typeof value.id === 'string' && NODE_ID_PATTERN.test(value.id), `${path}.id`, 'an id of letters, digits, _ or -', value.id);
  const typeOk = issues.nonEmptyString(value.type, `${path}.type`);
  const params = checkParams(value.params, `${path}.params`, issues);
  const overrides = value.overrides === undefined ? undefined : checkOverrides(value.overrides, `${path}.overrides`, issues);
  // Stryker disable next-line ConditionalExpression: refused anyway, see checkCurrentDocument
  const overridesOk = value.overrides === undefined || overrides !== undefined;
  let positionOk = issues.record(value.position, `${path}.position`);
  if (isRecord(value.position)) {
    issues.onlyKnown(value.position, `${path}.position`, ['x', 'y']);
    // Stryker disable next-line LogicalOperator: refused anyway, see checkCurrentDocument
    positionOk = issues.number(value.position.x, `${path}.position.x`) && positionOk;
    // Stryker disable next-line LogicalOperator: refused anyway, see checkCurrentDocument
    positionOk = issues.number(value.position.y, `${path}.position.y`) && positionOk;
  }
  const labelOk = value.label === undefined || issues.string(value.label, `${path}.label`);
  // Stryker disable next-line ConditionalExpression: refused anyway, see checkCurrentDocument; the check narrows the types
  if (!(idOk && typeOk && params && overridesOk && positionOk && labelOk)) return undefined;
  const position = value.position as { x: number; y: number };
  const node: DesignNode = { id: value.id as string, type: value.type as string, params, position: { x: position.x, y: position.y } };
  return {
    ...node,
    ...(value.label === undefined ? {} : { label: value.label as string }),
    ...(overrides === undefined ? {} : { overrides }),
  };
}

function checkNodes(value: unknown, issues: IssueList): DesignNode[] | undefined {
  if (!issues.array(value, 'nodes')) return undefined;
  const firstSeen = new Map<string, number>();
  const nodes = value.map((raw, index) => {
    const id = isRecord(raw) ? raw.id : undefined;
    const earlier = typeof id === 'string' ? firstSeen.get(id) : undefined;
    if (earlier !== undefined) issues.add(`nodes[${index}].id`, 'a unique id', `"${String(id)}", already used by nodes[${earlier}]`);
    else if (typeof id === 'string') firstSeen.set(id, index);
    return checkNode(raw, `nodes[${index}]`, issues);
  });
  // Stryker disable next-line MethodExpression,ConditionalExpression: refused anyway, see checkCurrentDocument
  return nodes.every((node) => node !== undefined) ? (nodes as DesignNode[]) : undefined;
}

function checkEdges(value: unknown, issues: IssueList): DesignEdge[] | undefined {
  if (!issues.array(value, 'edges')) return undefined;
  const edges = value.map((raw, index): DesignEdge | undefined => {
    const path = `edges[${index}]`;
    if (!issues.record(raw, path)) return undefined;
    issues.onlyKnown(raw, path, ['source', 'target', 'port']);
    // Stryker disable next-line MethodExpression: refused anyway, see checkCurrentDocument
    const ok = [
      issues.nonEmptyString(raw.source, `${path}.source`),
      issues.nonEmptyString(raw.target, `${path}.target`),
      issues.integer(raw.port, `${path}.port`, 0),
    ].every(Boolean);
    return ok ? { source: raw.source as string, target: raw.target as string, port: raw.port as number } : undefined;
  });
  // Stryker disable next-line ConditionalExpression: refused anyway, see checkCurrentDocument
  return edges.every((edge) => edge !== undefined) ? (edges as DesignEdge[]) : undefined;
}

function checkStrings(value: unknown, path: string, issues: IssueList): string[] | undefined {
  if (!issues.array(value, path)) return undefined;
  const ok = value.map((item, index) => issues.string(item, `${path}[${index}]`)).every(Boolean);
  return ok ? [...(value as string[])] : undefined;
}

/**
 * Validates a document at the current version (the caller checks `version`); undefined when any issue was recorded.
 * Every failed check records an issue (a migration covers a path only where it recorded one), so the issue count
 * alone decides; the checkers' partial results only carry the checked values, and their own ok flags cannot change it.
 */
export function checkCurrentDocument(value: Record<string, unknown>, issues: IssueList): DesignDocument | undefined {
  issues.onlyKnown(value, '', DOCUMENT_FIELDS);
  issues.check(value.format === DESIGN_FORMAT, 'format', JSON.stringify(DESIGN_FORMAT), value.format);
  const nameOk = issues.string(value.name, 'name');
  const input = checkInput(value.input, issues);
  const nodes = checkNodes(value.nodes, issues);
  const edges = checkEdges(value.edges, issues);
  const notes = value.notes === undefined ? [] : checkStrings(value.notes, 'notes', issues);
  const classes = value.classes === undefined ? undefined : checkStrings(value.classes, 'classes', issues);
  if (issues.issues.length > 0 || !nameOk || !input || !nodes || !edges || !notes) return undefined;
  const document: DesignDocument = {
    format: DESIGN_FORMAT,
    version: DESIGN_VERSION,
    name: value.name as string,
    input,
    nodes,
    edges,
    notes,
  };
  return classes === undefined ? document : { ...document, classes };
}
