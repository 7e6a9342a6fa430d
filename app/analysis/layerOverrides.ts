/**
 * A custom block: the layers its template made, with the node's per-layer settings
 * (`DesignNode.overrides`) applied. Each overridden layer is checked against its kind's
 * parameter declarations like any layer node, so a bad value is reported where it is and the
 * template's value stands in for it.
 */

import { expandBlock } from '../blocks/expand';
import { getNodeType } from '../design/nodeTypes';
import { resolveParams } from '../design/resolveParams';
import type { DesignNode, ParamValues } from '../design/types';
import { layerDefinitions } from '../layers/registry';
import type { Layer, LayerKind, LayerSpec } from '../layers/types';
import { diagnostic } from './diagnostic';
import type { Diagnostic } from './types';

/** The layer's path inside its block (`branch2/conv1`): its id without the node id. */
export function layerPath(layer: Pick<Layer, 'id' | 'nodeId'>): string {
  return layer.id.startsWith(`${layer.nodeId}/`) ? layer.id.slice(layer.nodeId.length + 1) : layer.id;
}

function withParams<K extends LayerKind>(layer: Layer, kind: K, values: ParamValues, diagnostics: Diagnostic[], nodeId: string): Layer {
  const definition = layerDefinitions[kind];
  const { values: resolved, issues } = resolveParams(definition.info, { ...(layer.params as ParamValues), ...values });
  for (const issue of issues) {
    const severity = issue.code === 'invalid-param' ? 'error' : 'warning';
    diagnostics.push(diagnostic(severity, issue.code, `Layer ${layer.id} of block ${nodeId}: ${issue.message}`, issue.hint, [nodeId], { layer: layer.id }));
  }
  return { ...layer, ...({ kind, params: definition.toParams(resolved) } as LayerSpec) };
}

/** `layers` with `node.overrides` applied; settings for a layer the block does not have are reported. */
export function applyOverrides(node: DesignNode, layers: readonly Layer[], diagnostics: Diagnostic[]): Layer[] {
  const overrides = node.overrides;
  if (overrides === undefined) return [...layers];
  const known = new Set(layers.map(layerPath));
  for (const path of Object.keys(overrides)) {
    if (known.has(path)) continue;
    diagnostics.push(
      diagnostic(
        'error',
        'unknown-layer',
        `Block ${node.id} has settings for a layer ${path}, which its template does not have.`,
        `Revert the block to its template, or remove overrides.${path} from the file.`,
        [node.id],
      ),
    );
  }
  return layers.map((layer) => {
    const values = overrides[layerPath(layer)];
    // Stryker disable next-line ConditionalExpression: a template layer holds resolved parameters already; resolving them again gives them back
    return values === undefined ? layer : withParams(layer, layer.kind, values, diagnostics, node.id);
  });
}

/** The settings block `node`'s template gives layer `path` (before the node's overrides); undefined when it has no such layer. */
export function templateLayerParams(node: DesignNode, path: string): ParamValues | undefined {
  const nodeType = getNodeType(node.type);
  if (nodeType?.kind !== 'block') return undefined;
  try {
    // Stryker disable next-line StringLiteral: only the layers' parameters are read; which layer feeds the block does not change them
    const { layers } = expandBlock(nodeType.template, node.id, resolveParams(nodeType.info, node.params).values, 'input');
    return layers.find((layer) => layerPath(layer) === path)?.params as ParamValues | undefined;
  } catch {
    // Parameters the template cannot use: the analysis reports them; there is no template layer to compare with.
    return undefined;
  }
}
