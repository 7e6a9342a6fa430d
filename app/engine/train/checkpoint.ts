/**
 * Checkpoints are model directories (the engine's `saveModelDir`, written atomically). The
 * model's weights are the evaluation weights (the moving average when enabled), so `predict`
 * and `evaluate` can load any checkpoint; a `last` checkpoint also carries, as extra files,
 * what resuming needs: the trained weights, the optimizer slots and the averages, with the
 * schedule position in the metadata's `training` record.
 */

import type * as tf from '@tensorflow/tfjs';
import { readdir, readFile, stat } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import type { DesignDocument } from '../../design/types';
import { errorMessage } from '../../result';
import { leftoversOf } from '../../node/files/writeDirectoryAtomic';
import { verifyDigests } from '../../node/modelDir/fileDigests';
import { MODEL_FILES, ModelDirError, type ModelMetadata } from '../../node/modelDir/format';
import { saveModelDir } from '../modelDir/saveModelDir';
import { encodeTensorBundle, loadTensorBundle, type NamedTensor } from './tensorBundle';
import type { TrainableModel } from './trainStep';
import type { WeightAverage } from './weightAverage';

/** Where a run stands: the position the next step starts from. */
export interface TrainerState {
  /** The epoch in progress (0-based). */
  epoch: number;
  /** Batches of `epoch` already trained. */
  batchInEpoch: number;
  globalStep: number;
  bestValTop1: number | null;
}

export interface CheckpointSource {
  net: TrainableModel;
  optimizer: tf.Optimizer;
  average: WeightAverage | null;
  document: DesignDocument;
  classNames: readonly string[];
}

export interface LoadedCheckpoint {
  dir: string;
  state: TrainerState;
  weights: NamedTensor[];
  optimizer: NamedTensor[];
  averages: NamedTensor[];
  averageUpdates: number;
}

const bundles = { weights: 'trainer-weights', optimizer: 'trainer-optimizer', averages: 'trainer-averages' } as const;

/** Every weight of the model (trainable and the batch-norm statistics), in model order. */
function modelWeights(net: TrainableModel): NamedTensor[] {
  return net.model.weights.map((w) => ({ name: w.originalName, tensor: w.read() }));
}

function save(dir: string, source: CheckpointSource, training: unknown, extraFiles: Record<string, string | Uint8Array>): Promise<ModelMetadata> {
  const write = () => saveModelDir(dir, { model: source.net.model, design: source.document, labels: source.classNames, metadata: { training }, extraFiles });
  return source.average ? source.average.withAveragedWeights(write) : write();
}

export async function saveResumableCheckpoint(dir: string, source: CheckpointSource, state: TrainerState): Promise<void> {
  const averages = source.average ? source.average.averages.map((tensor, i) => ({ name: source.net.variables[i].name, tensor })) : [];
  // The first optimizer weight is a fresh scalar of the iteration count; the rest are its slots.
  const [iterations, ...slots] = await source.optimizer.getWeights();
  const extraFiles = {
    ...(await encodeTensorBundle(bundles.weights, modelWeights(source.net))),
    ...(await encodeTensorBundle(bundles.optimizer, [iterations, ...slots])),
    ...(await encodeTensorBundle(bundles.averages, averages)),
  };
  iterations.tensor.dispose();
  await save(dir, source, { ...state, averageUpdates: source.average?.updateCount ?? 0 }, extraFiles);
}

/** The best model so far: evaluation weights only. */
export async function saveBestModel(dir: string, source: CheckpointSource, record: { epoch: number; valTop1: number }): Promise<void> {
  await save(dir, source, record, {});
}

const exists = (path: string): Promise<boolean> => stat(path).then(() => true, () => false);

/** The step a checkpoint was saved at, and when: the newest whole one is resumed. */
interface Candidate {
  dir: string;
  globalStep: number;
  createdAt: string;
}

/** A candidate whose every file matches the size and checksum its metadata recorded; throws naming the damage. */
async function wholeCheckpoint(dir: string): Promise<Candidate> {
  let metadata: Partial<ModelMetadata>;
  try {
    metadata = JSON.parse(await readFile(join(dir, MODEL_FILES.metadata), 'utf8')) as Partial<ModelMetadata>;
  } catch (error) {
    throw new ModelDirError(dir, MODEL_FILES.metadata, `not valid JSON (${errorMessage(error)})`);
  }
  if (metadata.files !== undefined) await verifyDigests(dir, metadata.files, MODEL_FILES.metadata);
  const step = (metadata.training as { globalStep?: unknown } | null | undefined)?.globalStep;
  return { dir, globalStep: typeof step === 'number' ? step : -1, createdAt: String(metadata.createdAt ?? '') };
}

/**
 * The checkpoint to resume from: the newest whole one among `dir` and what a crashed save left
 * beside it — the previous checkpoint it had moved aside (`<dir>.old-*`), or a finished one it
 * had not yet renamed (`<dir>.tmp-*`, whole when its metadata and checksums are). A damaged one
 * is passed over with a warning; when there are some but none is whole, this throws naming the
 * damage, so a run never starts over silently and overwrites them. Null when there is none.
 */
export async function findCheckpoint(dir: string, warn: (message: string) => void = () => {}): Promise<string | null> {
  const isLeftover = leftoversOf(dir);
  const siblings = await readdir(dirname(dir)).catch(() => [] as string[]);
  const paths = [dir, ...siblings.filter((name) => isLeftover(name) !== null).map((name) => join(dirname(dir), name))];
  const whole: Candidate[] = [];
  const damaged: string[] = [];
  for (const path of paths) {
    if (!(await exists(join(path, MODEL_FILES.metadata)))) continue;
    await wholeCheckpoint(path).then(
      (candidate) => whole.push(candidate),
      (error: unknown) => damaged.push(errorMessage(error)),
    );
  }
  whole.sort((a, b) => b.globalStep - a.globalStep || b.createdAt.localeCompare(a.createdAt));
  const chosen = whole[0];
  if (chosen === undefined) {
    if (damaged.length > 0) throw new ModelDirError(dir, null, `No whole checkpoint to resume from: ${damaged.join('; ')}`);
    return null;
  }
  for (const problem of damaged) warn(`${problem}; using ${chosen.dir} instead`);
  return chosen.dir;
}

/** Loads a checkpoint `findCheckpoint` chose (whose files it has checked). */
export async function loadResumableCheckpoint(dir: string): Promise<LoadedCheckpoint> {
  const metadata = JSON.parse(await readFile(join(dir, MODEL_FILES.metadata), 'utf8')) as ModelMetadata;
  const state = metadata.training as (TrainerState & { averageUpdates: number }) | null;
  if (!state || typeof state.globalStep !== 'number') throw new Error(`${dir} is not a resumable checkpoint (no trainer state in ${MODEL_FILES.metadata}).`);
  return {
    dir,
    state: { epoch: state.epoch, batchInEpoch: state.batchInEpoch, globalStep: state.globalStep, bestValTop1: state.bestValTop1 },
    weights: await loadTensorBundle(dir, bundles.weights),
    optimizer: await loadTensorBundle(dir, bundles.optimizer),
    averages: await loadTensorBundle(dir, bundles.averages),
    averageUpdates: state.averageUpdates,
  };
}

/** Puts a loaded checkpoint's trained weights into the model; the optimizer and averages are the caller's. */
export function restoreModelWeights(net: TrainableModel, loaded: LoadedCheckpoint): void {
  const weights = net.model.weights;
  if (weights.length !== loaded.weights.length || weights.some((w, i) => w.shape.join() !== loaded.weights[i].tensor.shape.join())) {
    throw new Error(`The checkpoint in ${loaded.dir} does not fit this network (different layers or sizes).`);
  }
  net.model.setWeights(loaded.weights.map((w) => w.tensor));
}
