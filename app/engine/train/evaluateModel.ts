/** `evaluate`: a saved model directory on a dataset — loss, top-1, top-5, confusion matrix. */

import type { BackendName } from '../../compute/backends';
import type { BackendReport, InferenceRuntime } from '../../protocol';
import type { ProgressCallback } from '../../training/progress';
import type { EvaluationReport, ScanReport } from '../../training/types';
import { selectBackend } from '../backends/select';
import { streamBatches } from '../data/batchStream';
import { scanDataset } from '../data/scanDataset';
import { DatasetError, type Dataset } from '../data/types';
import { loadModelDir } from '../modelDir/loadModelDir';
import { evaluateBatches } from './evaluateBatches';
import { trainableModel } from './trainStep';
import { modelDirForward } from '../inference/modelDirForward';
import { inferenceReplicaCount } from '../../training/replicas';
import { availableParallelism } from 'node:os';

export interface EvaluateOptions {
  /** Dataset folder or CSV; absent means the bundled sample. */
  data?: string;
  backend?: BackendName;
  batchSize?: number;
  onScan?: (report: ScanReport) => void;
  /** Real folders the dataset (a CSV manifest's rows included) must lie in: a host's roots. */
  roots?: readonly string[];
  /** Each file checked while scanning a folder or CSV dataset. */
  onScanProgress?: ProgressCallback;
  /** Images evaluated of the dataset's, after each batch. */
  onProgress?: ProgressCallback;
}

/** The dataset with its labels renumbered to the model's output order, matched by class name. */
export function alignLabels(dataset: Dataset, labels: readonly string[]): Dataset {
  const missing = dataset.classNames.filter((name) => !labels.includes(name));
  if (missing.length > 0) {
    throw new DatasetError(`The model does not know the dataset's class${missing.length === 1 ? '' : 'es'} ${missing.map((m) => `'${m}'`).join(', ')}; its classes are ${labels.slice(0, 20).join(', ')}${labels.length > 20 ? ', …' : ''}.`);
  }
  const toModel = dataset.classNames.map((name) => labels.indexOf(name));
  return { ...dataset, samples: dataset.samples.map((s) => ({ ...s, label: toModel[s.label] })) };
}

export async function evaluateModelDir(dir: string, options: EvaluateOptions = {}): Promise<EvaluationReport & { backend: BackendReport; runtime: InferenceRuntime }> {
  const backend = await selectBackend({ backend: options.backend });
  const loaded = await loadModelDir(dir);
  try {
    const [size, width, channels] = loaded.metadata.input;
    if (size !== width || (channels !== 1 && channels !== 3)) throw new Error(`Evaluation needs a square 1- or 3-channel input; the model takes ${loaded.metadata.input.join('×')}.`);
    const scanned = await scanDataset(options.data, size, { roots: options.roots, onProgress: options.onScanProgress });
    options.onScan?.(scanned.report);
    const dataset = alignLabels(scanned, loaded.labels);
    const classes = loaded.labels.length;
    const confusion = Array.from({ length: classes }, () => new Array<number>(classes).fill(0));
    const batches = streamBatches({
      dataset,
      indices: dataset.samples.map((_, i) => i),
      batchSize: options.batchSize ?? 32,
      geometry: { size, channels: channels as 1 | 3, preparation: loaded.metadata.preprocessing },
      training: false,
      seed: 0,
      epoch: 0,
    });
    const total = dataset.samples.length;
    const onBatch = options.onProgress && ((images: number) => options.onProgress?.(images, total));
    const { opened, runtime } = await modelDirForward(loaded, options.backend, inferenceReplicaCount(backend.active, availableParallelism()));
    try {
      const metrics = await evaluateBatches(trainableModel(loaded.model, classes), batches, confusion, onBatch, opened.forward);
      return { ...metrics, classNames: loaded.labels, confusion, backend, runtime };
    } finally {
      await opened.close();
    }
  } finally {
    loaded.model.dispose();
  }
}
