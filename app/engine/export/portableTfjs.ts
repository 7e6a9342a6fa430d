/**
 * An export graph as a TF.js Layers model that plain `@tensorflow/tfjs` loads with no Studio
 * code: standard layers only. Each residual scale is folded into the linear convolution that
 * feeds the residual branch (its kernel and bias times the scale, then a plain `Add`); batch
 * norm without a learned scale becomes standard batch norm with γ = 1.
 */

import * as tf from '@tensorflow/tfjs';
import { weightOf, type ExportGraph, type ExportLayer } from '../../export/exportGraph';
import { exportMetadata } from '../../export/exportMetadata';
import type { Layer } from '../../layers/types';
import { unhandled } from '../../unhandled';
import { ACTIVATION_SUFFIX, BATCH_NORM_SUFFIX, layerIdOf, tfjsLayerName } from '../compile/layerNames';

/** The same TF-slim values as the Studio's own layers, so a model trained further keeps behaving alike. */
const BATCH_NORM = { momentum: 0.9997, epsilon: 1e-3 };

export const PORTABLE_TFJS_FILES = { topology: 'model.json', weights: 'weights.bin' } as const;

/** A design this format cannot express, with the layer named. */
export class PortableTfjsError extends Error {}

type Symbolic = tf.SymbolicTensor;

/** Which convolution carries which residual scale; refuses a residual branch that does not end in a linear conv used only there. */
function foldedScales(graph: ExportGraph): Map<string, number> {
  const readers = new Map<string, number>();
  for (const { layer } of graph.layers) for (const input of layer.inputs) readers.set(input, (readers.get(input) ?? 0) + 1);
  const scales = new Map<string, number>();
  for (const { layer } of graph.layers) {
    if (layer.kind !== 'residualAdd' || layer.params.scale === 1) continue;
    const branch = graph.layers.find((entry) => entry.layer.id === layer.inputs[1])?.layer;
    const foldable = branch?.kind === 'conv2d' && !branch.params.batchNorm && branch.params.activation === 'linear' && readers.get(branch.id) === 1;
    if (!foldable) {
      throw new PortableTfjsError(`Residual '${layer.id}' scales '${layer.inputs[1]}' by ${layer.params.scale}; portable TF.js can fold a scale only into a linear convolution without batch norm that nothing else reads. Export ONNX or PyTorch instead.`);
    }
    scales.set(branch.id, layer.params.scale);
  }
  return scales;
}

function apply(layer: tf.layers.Layer, input: Symbolic | Symbolic[]): Symbolic {
  return layer.apply(input) as Symbolic;
}

function single(layer: Layer, inputs: Symbolic[]): Symbolic {
  if (inputs.length !== 1) throw new PortableTfjsError(`Layer '${layer.id}' expects 1 input, got ${inputs.length}.`);
  return inputs[0];
}

function build({ layer }: ExportLayer, inputs: Symbolic[]): Symbolic {
  const name = tfjsLayerName(layer.id);
  switch (layer.kind) {
    case 'input':
      throw new PortableTfjsError(`A second input layer ('${layer.id}') is not supported.`);
    case 'conv2d': {
      const p = layer.params;
      const fuse = !p.batchNorm && p.activation !== 'softmax';
      let out = apply(tf.layers.conv2d({ name, filters: p.filters, kernelSize: [...p.kernel], strides: [...p.strides], padding: p.padding, useBias: p.bias, activation: fuse ? p.activation : 'linear' }), single(layer, inputs));
      if (p.batchNorm) out = apply(tf.layers.batchNormalization({ name: name + BATCH_NORM_SUFFIX, ...BATCH_NORM, scale: true, center: true }), out);
      if (!fuse && p.activation !== 'linear') out = apply(tf.layers.activation({ name: name + ACTIVATION_SUFFIX, activation: p.activation }), out);
      return out;
    }
    case 'maxPool':
    case 'avgPool': {
      const p = layer.params;
      const args = { name, poolSize: [...p.pool] as [number, number], strides: [...p.strides] as [number, number], padding: p.padding };
      return apply(layer.kind === 'maxPool' ? tf.layers.maxPooling2d(args) : tf.layers.averagePooling2d(args), single(layer, inputs));
    }
    case 'concat':
      return apply(tf.layers.concatenate({ name, axis: -1 }), inputs);
    case 'residualAdd': {
      const sum = apply(tf.layers.add({ name }), inputs);
      return layer.params.activation === 'linear' ? sum : apply(tf.layers.activation({ name: name + ACTIVATION_SUFFIX, activation: layer.params.activation }), sum);
    }
    case 'activation':
      return apply(tf.layers.activation({ name, activation: layer.params.fn }), single(layer, inputs));
    case 'softmax':
      return apply(tf.layers.activation({ name, activation: 'softmax' }), single(layer, inputs));
    case 'dropout':
      return apply(tf.layers.dropout({ name, rate: layer.params.rate }), single(layer, inputs));
    case 'globalAvgPool':
      return apply(tf.layers.globalAveragePooling2d({ name }), single(layer, inputs));
    case 'flatten':
      return apply(tf.layers.flatten({ name }), single(layer, inputs));
    case 'dense':
      return apply(tf.layers.dense({ name, units: layer.params.units, activation: layer.params.activation, useBias: layer.params.bias }), single(layer, inputs));
    default:
      return unhandled(layer);
  }
}

function buildModel(graph: ExportGraph): tf.LayersModel {
  const outputs = new Map<string, Symbolic>();
  let input: Symbolic | null = null;
  for (const entry of graph.layers) {
    const { layer } = entry;
    if (layer.kind === 'input' && input === null) {
      input = tf.input({ shape: [...graph.input], name: tfjsLayerName(layer.id) });
      outputs.set(layer.id, input);
      continue;
    }
    outputs.set(layer.id, build(entry, layer.inputs.map((id) => outputs.get(id) as Symbolic)));
  }
  const output = outputs.get(graph.head.softmax ?? graph.head.logits);
  if (!input || !output) throw new PortableTfjsError('The network has no input or no output layer.');
  return tf.model({ inputs: input, outputs: output, name: graph.name.replace(/[^A-Za-z0-9_-]/g, '_') || 'inception' });
}

/** Copies the export's weights into the standard layers: residual scales folded, a missing γ as ones. */
function assignWeights(model: tf.LayersModel, graph: ExportGraph): void {
  const scales = foldedScales(graph);
  for (const layer of model.layers) {
    const id = layerIdOf(layer.name);
    for (const variable of layer.weights) {
      const weight = variable.originalName.slice(variable.originalName.lastIndexOf('/') + 1);
      const shape = variable.shape as number[];
      const values = weight === 'gamma' && !graph.weights.has(`${id}/gamma`) ? new Float32Array(shape[0]).fill(1) : weightOf(graph, id, weight).values;
      const scale = scales.get(id) ?? 1;
      const tensor = tf.tensor(scale === 1 ? values : values.map((v) => v * scale), shape);
      variable.write(tensor);
      tensor.dispose();
    }
  }
}

/** `model.json` and `weights.bin`, the pair `tf.loadLayersModel` reads. */
export async function exportPortableTfjs(graph: ExportGraph, appVersion: string): Promise<Map<string, Uint8Array>> {
  const model = buildModel(graph);
  try {
    assignWeights(model, graph);
    let files = new Map<string, Uint8Array>();
    await model.save(
      tf.io.withSaveHandler(async (artifacts) => {
        const weightData = tf.io.concatenateArrayBuffers([artifacts.weightData ?? new ArrayBuffer(0)].flat());
        const modelJson = {
          format: 'layers-model',
          generatedBy: `Inception Studio ${appVersion} (TensorFlow.js ${tf.version.tfjs})`,
          convertedBy: null,
          modelTopology: artifacts.modelTopology,
          weightsManifest: [{ paths: [PORTABLE_TFJS_FILES.weights], weights: artifacts.weightSpecs ?? [] }],
          userDefinedMetadata: exportMetadata(graph, 'NHWC'),
        };
        files = new Map([
          [PORTABLE_TFJS_FILES.topology, new TextEncoder().encode(JSON.stringify(modelJson))],
          [PORTABLE_TFJS_FILES.weights, new Uint8Array(weightData)],
        ]);
        return { modelArtifactsInfo: { dateSaved: new Date(), modelTopologyType: 'JSON' } };
      }),
    );
    return files;
  } finally {
    model.dispose();
  }
}
