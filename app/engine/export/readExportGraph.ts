/**
 * The one walk from the Studio's model to an export graph: the analysed layer graph with its
 * shapes, and every weight of the compiled (or loaded) tfjs model keyed by layer id. Every
 * format writer starts from its result.
 */

import type * as tf from '@tensorflow/tfjs';
import type { Analysis } from '../../analysis/types';
import { headOf, type ExportGraph, type ExportLayer, type ExportTensor } from '../../export/exportGraph';
import { serializeDesign } from '../../design/document';
import type { DesignDocument } from '../../design/types';
import type { Shape } from '../../layers/types';
import { inputPreparation, type InputPreparation } from '../../training/preprocessing';
import type { ProgressCallback } from '../../training/progress';
import { compileDesign } from '../compile/compileDesign';
import { layerIdOf } from '../compile/layerNames';
import { labelsFor } from '../labels';
import { loadModelDir } from '../modelDir/loadModelDir';
import type { ModelSource } from '../modelSource';

export interface ExportNaming {
  classNames: readonly string[];
  preprocessing: InputPreparation;
}

function layersWithShapes(analysis: Analysis): ExportLayer[] {
  const { graph } = analysis;
  const shapeOf = (id: string): Shape => {
    const layer = graph.layers.find((candidate) => candidate.id === id);
    const shape = layer?.kind === 'input' ? graph.input : analysis.layers[id]?.output;
    if (!shape) throw new Error(`Layer '${id}' has no inferred shape; the design has errors.`);
    return shape;
  };
  return graph.layers.map((layer) => ({ layer, inputShapes: layer.inputs.map(shapeOf), output: shapeOf(layer.id) }));
}

/** Weights keyed `<layer id>/<weight>`, as `ExportGraph.weights` states. */
async function readWeights(model: tf.LayersModel, onProgress?: ProgressCallback): Promise<Map<string, ExportTensor>> {
  const weights = new Map<string, ExportTensor>();
  for (const [index, layer] of model.layers.entries()) {
    // One step more than there are layers: the format's writer is the last.
    onProgress?.(index + 1, model.layers.length + 1);
    for (const variable of layer.weights) {
      const weight = variable.originalName.slice(variable.originalName.lastIndexOf('/') + 1);
      // Read asynchronously: the webgpu backend cannot read synchronously in Node.
      const values = (await variable.read().data()) as Float32Array;
      weights.set(`${layerIdOf(layer.name)}/${weight}`, { shape: variable.shape.map((n) => n ?? 0), values: Float32Array.from(values) });
    }
  }
  return weights;
}

export async function readExportGraph(model: tf.LayersModel, analysis: Analysis, design: DesignDocument, naming: ExportNaming, onProgress?: ProgressCallback): Promise<ExportGraph> {
  const { graph } = analysis;
  if (graph.output === null) throw new Error('The network has no output layer.');
  return {
    ...naming,
    name: design.name,
    designText: serializeDesign(design),
    input: graph.input,
    layers: layersWithShapes(analysis),
    head: headOf(graph.layers, graph.output),
    nodeTypes: Object.fromEntries(design.nodes.map((node) => [node.id, node.type])),
    weights: await readWeights(model, onProgress),
  };
}

/** The export graph of a model directory (trained weights) or a design (the initial weights of its seed). */
export async function exportGraphOf(source: ModelSource, onProgress?: ProgressCallback): Promise<ExportGraph> {
  if (source.kind === 'modelDir') {
    const loaded = await loadModelDir(source.path);
    try {
      return await readExportGraph(loaded.model, loaded.analysis, loaded.design, { classNames: loaded.labels, preprocessing: loaded.metadata.preprocessing }, onProgress);
    } finally {
      loaded.model.dispose();
    }
  }
  const { model, analysis } = compileDesign(source.design, { seed: source.seed });
  try {
    const classes = analysis.output?.at(-1) ?? 0;
    const naming = { classNames: await labelsFor(classes, source.design.classes), preprocessing: inputPreparation(analysis.graph.input) };
    return await readExportGraph(model, analysis, source.design, naming, onProgress);
  } finally {
    model.dispose();
  }
}
