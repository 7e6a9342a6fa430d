/**
 * A network trained elsewhere back into a Studio model directory: a `train.py` run folder (its
 * best, else last, weight average), one of its checkpoints, a PyTorch export folder, or an
 * `.onnx` file the Studio exported. The weights are checked against the design tensor by
 * tensor — the first missing, extra or misshapen one is named — before anything is written.
 */

import { readFile, stat } from 'node:fs/promises';
import path from 'node:path';
import * as tf from '@tensorflow/tfjs';
import type { DesignDocument } from '../../design/types';
import type { ExportTensor } from '../../export/exportGraph';
import { readNpz } from '../../export/pytorch/npzReader';
import { pytorchModel } from '../../export/pytorch/pytorchModel';
import { studioTensor, type TorchWeight } from '../../export/pytorch/pytorchModules';
import { PYTORCH_FILES } from '../../export/pytorch/exportPytorch';
import { errorMessage } from '../../result';
import { inputPreparation } from '../../training/preprocessing';
import { compileDesign } from '../compile/compileDesign';
import { layerIdOf } from '../compile/layerNames';
import { saveModelDir } from '../modelDir/saveModelDir';
import { designOf, ImportError, readJson, type ImportSource } from './importSource';
import { onnxImportSource } from './onnxImportSource';
import { readExportGraph } from './readExportGraph';

export { ImportError } from './importSource';

const exists = (file: string): Promise<boolean> => stat(file).then(() => true, () => false);

/** A Studio weight's shape as PyTorch holds it. */
function torchShape(layout: TorchWeight['layout'], shape: readonly number[]): number[] {
  if (layout === 'conv-kernel') return [shape[3], shape[2], shape[0], shape[1]];
  return layout === 'dense-kernel' ? [...shape].reverse() : [...shape];
}

function sameShape(a: readonly number[], b: readonly number[]): boolean {
  return a.length === b.length && a.every((n, i) => n === b[i]);
}

/** A state dict saved as `.npz` (train.py's weight average, the export's weights.npz), mapped through the PyTorch export's own modules. */
async function npzWeights(file: string): Promise<ImportSource['studioWeights']> {
  let arrays: Map<string, ExportTensor>;
  try {
    arrays = readNpz(new Uint8Array(await readFile(file)));
  } catch (error) {
    throw new ImportError(`${file}: ${errorMessage(error)}`);
  }
  return (graph) => {
    const studio = new Map<string, ExportTensor>();
    const expected = pytorchModel(graph).stateDict;
    for (const [key, weight] of expected) {
      const array = arrays.get(key);
      const wanted = graph.weights.get(`${weight.layerId}/${weight.weight}`)!;
      if (!array) throw new ImportError(`${file}: tensor '${key}' (layer ${weight.layerId}) is missing; the weights do not belong to this design.`);
      const converted = studioTensor(weight.layout, array);
      if (!sameShape(converted.shape, wanted.shape)) {
        const needed = torchShape(weight.layout, wanted.shape);
        throw new ImportError(`${file}: tensor '${key}' (layer ${weight.layerId}) has shape [${array.shape.join(', ')}]; the design needs [${needed.join(', ')}].`);
      }
      studio.set(`${weight.layerId}/${weight.weight}`, converted);
    }
    const extra = [...arrays.keys()].find((key) => !expected.has(key));
    if (extra !== undefined) throw new ImportError(`${file}: tensor '${extra}' is not in the design; the weights do not belong to it.`);
    return studio;
  };
}

/** What `given` is: an `.onnx` file, a run folder, a checkpoint in one, or an export folder. */
async function importSource(given: string): Promise<ImportSource> {
  const info = await stat(given).catch(() => null);
  if (!info) throw new ImportError(`${given}: no such file or folder.`);
  if (info.isFile()) {
    if (given.endsWith('.onnx')) return onnxImportSource(given);
    if (!/\.(pt|npz)$/.test(given)) throw new ImportError(`${given}: import reads a train.py run folder or checkpoint (.pt/.npz), a PyTorch export folder or an .onnx file the Studio exported.`);
    const weights = given.replace(/\.pt$/, '.npz');
    if (!(await exists(weights))) throw new ImportError(`${weights} is missing: train.py writes the weight average beside each checkpoint; import the checkpoint's run folder from a newer export.`);
    return { ...(await runOf(path.dirname(path.dirname(given)))), studioWeights: await npzWeights(weights) };
  }
  if (await exists(path.join(given, 'run.json'))) {
    const run = await runOf(given);
    const best = path.join(given, 'checkpoints', 'best.npz');
    return { ...run, studioWeights: await npzWeights((await exists(best)) ? best : path.join(given, 'checkpoints', 'last.npz')) };
  }
  if (await exists(path.join(given, PYTORCH_FILES.model))) {
    const designFile = path.join(given, PYTORCH_FILES.design);
    const classNames = (await readJson(path.join(given, PYTORCH_FILES.classes))) as string[];
    return { design: designOf(await readFile(designFile, 'utf8').catch(() => ''), designFile), classNames, studioWeights: await npzWeights(path.join(given, PYTORCH_FILES.weights)) };
  }
  throw new ImportError(`${given} is neither a train.py run folder (run.json) nor a PyTorch export folder (model.py).`);
}

async function runOf(runDir: string): Promise<Omit<ImportSource, 'studioWeights'>> {
  const file = path.join(runDir, 'run.json');
  const record = (await readJson(file)) as { design?: unknown; classNames?: unknown };
  if (typeof record.design !== 'string' || !Array.isArray(record.classNames)) throw new ImportError(`${file}: not a training run record (no design or class names).`);
  return { design: designOf(record.design, file), classNames: record.classNames.map(String) };
}

/** Checks the weights against the design and writes the model directory `out`. */
export async function importModel(given: string, out: string): Promise<{ design: DesignDocument; classNames: string[]; tensors: number }> {
  const source = await importSource(given);
  const { model, analysis } = compileDesign(source.design);
  try {
    const classes = analysis.output?.at(-1);
    if (classes !== source.classNames.length) throw new ImportError(`${given}: ${source.classNames.length} class names for a network with ${classes} outputs.`);
    const graph = await readExportGraph(model, analysis, source.design, { classNames: source.classNames, preprocessing: inputPreparation(analysis.graph.input) });
    const studio = source.studioWeights(graph);
    for (const layer of model.layers) {
      for (const variable of layer.weights) {
        const tensor = studio.get(`${layerIdOf(layer.name)}/${variable.originalName.slice(variable.originalName.lastIndexOf('/') + 1)}`);
        if (!tensor) continue;
        const value = tf.tensor(tensor.values, [...tensor.shape]);
        variable.write(value);
        value.dispose();
      }
    }
    await saveModelDir(out, { model, design: source.design, labels: source.classNames, metadata: { training: null } });
    return { design: source.design, classNames: source.classNames, tensors: studio.size };
  } finally {
    model.dispose();
  }
}
