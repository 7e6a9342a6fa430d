/**
 * What every export format is written from: the Studio's expanded layer graph with each
 * layer's input and output shapes and the network's weights, read once from the compiled model
 * (`app/engine/export/readExportGraph.ts`). The ONNX, PyTorch and portable TF.js writers map
 * these layers to their own operations; none walks the design again.
 */

import type { Layer, Shape } from '../layers/types';
import type { InputPreparation } from '../training/preprocessing';

/** A float32 tensor in TensorFlow's layout: conv kernels `[kh, kw, cin, cout]`, dense `[in, out]`. */
export interface ExportTensor {
  shape: readonly number[];
  values: Float32Array;
}

/** One layer with the shapes it reads and writes (`[h, w, c]` or `[n]`, no batch axis). */
export interface ExportLayer {
  layer: Layer;
  inputShapes: readonly Shape[];
  output: Shape;
}

/** The end of the network: the layer whose output is the logits, and whether a softmax follows. */
export interface ExportHead {
  logits: string;
  /** The softmax layer after the logits (its output is the probabilities), or null. */
  softmax: string | null;
}

export interface ExportGraph {
  /** The design's name. */
  name: string;
  /** The design document as a `.incept.json` file holds it: PyTorch's `train.py` records it in its run, an import checks against it. */
  designText: string;
  /** `[height, width, channels]`. */
  input: Shape;
  /** Every layer in a topological order, the input layer first. */
  layers: readonly ExportLayer[];
  head: ExportHead;
  /** Each design node's type (`inceptionA`, `conv2d`, …), by node id: the PyTorch export's classes. */
  nodeTypes: Readonly<Record<string, string>>;
  /**
   * Weights keyed `<layer id>/<weight>`: `kernel`, `bias` for conv and dense layers,
   * `bn/gamma` (absent without a learned scale), `bn/beta`, `bn/moving_mean`, `bn/moving_variance`.
   */
  weights: ReadonlyMap<string, ExportTensor>;
  classNames: readonly string[];
  preprocessing: InputPreparation;
}

/** TF-slim's batch-norm epsilon, which every compiled conv uses (app/engine/compile/layerBuilders.ts). */
export const BATCH_NORM_EPSILON = 1e-3;

/** The named weight, or an error naming it (the graph and its weights were read together, so this is a bug). */
export function weightOf(graph: ExportGraph, layerId: string, weight: string): ExportTensor {
  const tensor = graph.weights.get(`${layerId}/${weight}`);
  if (!tensor) throw new Error(`The export has no weight '${layerId}/${weight}'.`);
  return tensor;
}

/** The head of a layer graph: a final softmax layer (or softmax activation) splits logits from probabilities. */
export function headOf(layers: readonly Layer[], output: string): ExportHead {
  const last = layers.find((layer) => layer.id === output);
  if (!last) throw new Error(`The output layer '${output}' is not in the graph.`);
  const isSoftmax = last.kind === 'softmax' || (last.kind === 'activation' && last.params.fn === 'softmax');
  return isSoftmax ? { logits: last.inputs[0], softmax: last.id } : { logits: last.id, softmax: null };
}
