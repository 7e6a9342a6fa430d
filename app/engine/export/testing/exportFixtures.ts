/**
 * What the export tests share: a compiled design with every weight (batch-norm statistics
 * included) set to seeded non-trivial values, so a transposed kernel or a wrong ε shows; the
 * Studio's own logits for an input; NHWC ↔ NCHW.
 */

import * as tf from '@tensorflow/tfjs';
import { chain } from '../../../analysis/testing/designs';
import type { DesignDocument } from '../../../design/types';
import type { ExportGraph } from '../../../export/exportGraph';
import { inputPreparation } from '../../../training/preprocessing';
import { compileDesign } from '../../compile/compileDesign';
import { tfjsLayerName } from '../../compile/layerNames';
import { seededValues } from '../../testing/seededData';
import { readExportGraph } from '../readExportGraph';

/**
 * Where TensorFlow pads unevenly (the extra row and column at the end): strided and even
 * windows with `same` padding on a 16×16 input, then a flatten whose order matters.
 */
export function unevenPaddingDesign(): DesignDocument {
  return chain(
    [
      ['c1', 'conv2d', { filters: 8, kernel: [3, 3], strides: [2, 2], padding: 'same' }],
      ['p1', 'maxPool', { pool: [3, 3], strides: [2, 2], padding: 'same' }],
      ['p2', 'avgPool', { pool: [2, 2], strides: [1, 1], padding: 'same' }],
      ['c2', 'conv2d', { filters: 6, kernel: [2, 2], strides: [1, 1], padding: 'same', batchNorm: false, bias: true }],
      ['flat', 'flatten'],
      ['logits', 'dense', { units: 5 }],
      ['softmax', 'softmax'],
    ],
    [16, 16, 3],
  );
}

/** Moving variances in [0.5, 1.5], everything else in [-0.5, 0.5] on top of the initial kernels. */
function perturb(model: tf.LayersModel, seed: number): void {
  model.weights.forEach((variable, index) => {
    const size = variable.shape.reduce((a: number, b) => a * (b ?? 1), 1);
    const noise = seededValues(size, seed * 1009 + index);
    const isVariance = variable.originalName.endsWith('moving_variance');
    const values = tf.tidy(() => {
      const random = tf.tensor(noise, variable.shape as number[]);
      return isVariance ? random.mul(0.5).add(1) : variable.read().add(random.mul(0.5));
    });
    variable.write(values);
    values.dispose();
  });
}

export interface ExportCase {
  model: tf.LayersModel;
  graph: ExportGraph;
  /** The Studio's output at the logits layer for `input`. */
  logits(input: tf.Tensor4D): Promise<Float32Array>;
}

export async function exportCase(design: DesignDocument, seed = 3): Promise<ExportCase> {
  const { model, analysis } = compileDesign(design, { seed });
  perturb(model, seed);
  const classes = analysis.output?.at(-1) ?? 0;
  const graph = await readExportGraph(model, analysis, design, {
    classNames: Array.from({ length: classes }, (_, i) => `class ${i}`),
    preprocessing: inputPreparation(analysis.graph.input),
  });
  return { model, graph, logits: logitsReader(model, graph.head.logits) };
}

/** The model's output at the layer `logitsLayer` (its last sub-layer: conv → /bn → /act holds the output). */
export function logitsReader(model: tf.LayersModel, logitsLayer: string): (input: tf.Tensor4D) => Promise<Float32Array> {
  const name = tfjsLayerName(logitsLayer);
  const last = model.layers.filter((layer) => layer.name === name || layer.name.startsWith(`${name}/`)).at(-1);
  if (!last) throw new Error(`no tfjs layer for '${logitsLayer}'`);
  const logitsModel = tf.model({ inputs: model.inputs, outputs: last.output as tf.SymbolicTensor });
  return async (input) => {
    const out = logitsModel.predict(input) as tf.Tensor;
    const values = (await out.data()) as Float32Array;
    out.dispose();
    return values;
  };
}

/** Seeded images in [-1, 1], NHWC. */
export function seededInput(batch: number, shape: readonly number[], seed: number): tf.Tensor4D {
  const [h, w, c] = shape;
  return tf.tensor4d(seededValues(batch * h * w * c, seed), [batch, h, w, c]);
}

export async function toNchw(input: tf.Tensor4D): Promise<Float32Array> {
  const transposed = tf.transpose(input, [0, 3, 1, 2]);
  const values = (await transposed.data()) as Float32Array;
  transposed.dispose();
  return values;
}
