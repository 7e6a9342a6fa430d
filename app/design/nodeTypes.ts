/** Every node type a design may use: the primitive layers and the block templates, one lookup. */

import { blockTemplates } from '../blocks/library';
import type { BlockTemplate } from '../blocks/types';
import { layerDefinitions } from '../layers/registry';
import type { LayerKind } from '../layers/types';
import type { NodeTypeInfo } from './paramSpec';

export type NodeType = ({ kind: 'layer'; layer: LayerKind } | { kind: 'block'; template: BlockTemplate }) & { info: NodeTypeInfo };

const layerTypes: NodeType[] = (Object.keys(layerDefinitions) as LayerKind[]).map((layer) => ({
  kind: 'layer',
  layer,
  info: layerDefinitions[layer].info,
}));

const blockTypes: NodeType[] = blockTemplates.map((template) => ({ kind: 'block', template, info: template }));

const nodeTypes: readonly NodeType[] = [...blockTypes, ...layerTypes];
const byType = new Map(nodeTypes.map((nodeType) => [nodeType.info.type, nodeType]));

export function getNodeType(type: string): NodeType | undefined {
  return byType.get(type);
}

/** Blocks first (palette order), then layers. */
export function allNodeTypes(): readonly NodeType[] {
  return nodeTypes;
}
