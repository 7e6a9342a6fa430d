/** Editing a layer inside a block (the block becomes a custom block) and reverting it to its template. */

import { layerPath, templateLayerParams } from '../../app/analysis/layerOverrides';
import { revertToTemplate, setLayerParams } from '../../app/design/customBlocks';
import type { ParamValue } from '../../app/design/types';
import type { Action } from './types';

export const setLayerParamsAction: Action<{ layer: string; values: Readonly<Record<string, ParamValue>> }> = {
  name: 'setLayerParams',
  label: 'Edit layer',
  perform(view, { layer: id, values }) {
    const layer = view.analysis.graph.layers.find((candidate) => candidate.id === id);
    const node = layer === undefined ? undefined : view.document.nodes.find((candidate) => candidate.id === layer.nodeId);
    if (!layer || !node) return null;
    const path = layerPath(layer);
    const template = templateLayerParams(node, path);
    if (!template) return null;
    const document = setLayerParams(view.document, node.id, path, values, template);
    return document === view.document ? null : { document, coalesce: `layer:${id}:${Object.keys(values).join(',')}` };
  },
};

export const revertBlockAction: Action<string> = {
  name: 'revertBlock',
  label: 'Revert to template',
  perform(view, id) {
    const document = revertToTemplate(view.document, id);
    return document === view.document ? null : { document };
  },
};
