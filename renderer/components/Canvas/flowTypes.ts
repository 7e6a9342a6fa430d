/** Custom node and edge components, at module scope so React Flow never sees new objects. */

import type { EdgeTypes, NodeTypes } from '@xyflow/react';
import { BlockNode } from '../BlockNode/BlockNode';
import { LayerNode } from '../LayerNode/LayerNode';
import { ShapeEdge } from '../ShapeEdge/ShapeEdge';

export const nodeTypes: NodeTypes = { block: BlockNode, expanded: BlockNode, layer: LayerNode };
export const edgeTypes: EdgeTypes = { shape: ShapeEdge };
