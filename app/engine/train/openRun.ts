/**
 * Everything a run needs before its first step: the run record (new or resumed), the scanned
 * datasets and their split, the model sized to the classes, optimizer and averages, restored
 * from the last checkpoint when resuming.
 */

import type * as tf from '@tensorflow/tfjs';
import { availableParallelism } from 'node:os';
import { basename, resolve } from 'node:path';
import { analyze } from '../../analysis/analyze';
import { hasErrors } from '../../analysis/diagnostic';
import { serializeDesign } from '../../design/document';
import type { BackendReport } from '../../protocol';
import type { DesignDocument } from '../../design/types';
import { resolveTrainConfig } from '../../training/defaults';
import { replicaCount } from '../../training/replicas';
import type { TrainerStartRequest } from '../../training/processProtocol';
import { progressEmitter } from '../../training/progress';
import { splitByClass } from '../../training/split';
import type { TrainConfig, TrainEvent } from '../../training/types';
import { scanDataset } from '../data/scanDataset';
import { DatasetError, type Dataset } from '../data/types';
import { DesignErrorsError } from '../compile';
import { findCheckpoint, loadResumableCheckpoint, restoreModelWeights, type TrainerState } from './checkpoint';
import { createOptimizer, createWeightAverage, initialiseLikeTf1 } from './optimizer';
import { parseDesignText, prepareModel } from './prepareModel';
import { readRunRecord, runPaths, writeRunRecord, RunRecordError, type RunRecord } from '../../node/runs/runRecord';
import { RUN_RECORD_FORMAT } from '../../training/runRecordFormat';
import { trainableModel, type TrainableModel } from './trainStep';
import type { WeightAverage } from './weightAverage';

export interface OpenedRun {
  record: RunRecord;
  runDir: string;
  config: TrainConfig;
  document: DesignDocument;
  train: { dataset: Dataset; indices: number[] };
  validation: { dataset: Dataset; indices: number[] } | null;
  net: TrainableModel;
  optimizer: tf.Optimizer;
  average: WeightAverage | null;
  state: TrainerState;
  resumedFrom?: { epoch: number; step: number };
  /** The checkpoint the run was resumed from; null for a fresh start. */
  checkpoint: string | null;
  backend: BackendReport;
  /** Data-parallel replicas this run trains with (1: one instance, the main thread). */
  workers: number;
}

/** Scan progress reaches the host and the log at most this often. */
const SCAN_PROGRESS_MS = 250;

async function datasets(record: Pick<RunRecord, 'data' | 'validation'>, config: TrainConfig, inputSize: number, emit: (e: TrainEvent) => void, roots: readonly string[] | undefined) {
  const scanProgress = () => progressEmitter('scan', 'images', emit, SCAN_PROGRESS_MS);
  const train = await scanDataset(record.data, inputSize, { roots, onProgress: scanProgress() });
  emit({ type: 'scan', report: train.report });
  if (train.classNames.length < 2) throw new DatasetError(`Training needs at least 2 classes; ${train.report.root} has ${train.classNames.length}.`);
  const withImages = train.report.classes.filter((c) => c.count > 0).length;
  if (train.samples.length === 0) throw new DatasetError(`${train.report.root} has no readable images: put JPEG, PNG or WebP files in its class folders.`);
  if (withImages < 2) throw new DatasetError(`Training needs images of at least 2 classes; in ${train.report.root} only ${withImages} class has readable images.`);
  const all = train.samples.map((_, i) => i);
  if (record.validation === undefined) {
    const split = splitByClass(train.samples.map((s) => s.label), config.validationSplit, config.seed);
    return { train: { dataset: train, indices: split.train }, validation: split.validation.length > 0 ? { dataset: train, indices: split.validation } : null };
  }
  const validation = await scanDataset(record.validation, inputSize, { roots, onProgress: scanProgress() });
  emit({ type: 'scan', report: validation.report });
  if (validation.classNames.join('\n') !== train.classNames.join('\n')) {
    throw new DatasetError(`The validation classes (${validation.classNames.join(', ')}) differ from the training classes (${train.classNames.join(', ')}).`);
  }
  return { train: { dataset: train, indices: all }, validation: { dataset: validation, indices: validation.samples.map((_, i) => i) } };
}

async function resumableRecord(runDir: string): Promise<RunRecord> {
  const record = await readRunRecord(runDir);
  if (!record.ok) throw new RunRecordError(`Cannot resume: ${record.error}`);
  return record.value;
}

/**
 * Checks the inputs in order of cost — settings, design, datasets, backend — then makes the
 * run's folder (`folderReady` is told) and its model; a resumed run continues from its newest
 * whole checkpoint.
 */
export async function openRun(request: TrainerStartRequest, emit: (e: TrainEvent) => void, folderReady: () => void, backend: () => Promise<BackendReport>): Promise<OpenedRun> {
  const runDir = resolve(request.runDir);
  const previous = request.resume ? await resumableRecord(runDir) : null;
  const config = resolveTrainConfig({ ...(previous?.config ?? {}), ...request.config });
  const document = parseDesignText(previous?.design ?? request.design);
  const analysis = analyze(document);
  if (hasErrors(analysis.diagnostics)) throw new DesignErrorsError(document.name, analysis.diagnostics);
  const source = previous ?? { data: request.data === undefined ? undefined : resolve(request.data), validation: request.validation === undefined ? undefined : resolve(request.validation) };
  const sets = await datasets(source, config, document.input.height, emit, request.roots);
  const selected = await backend();
  const workers = replicaCount(selected.active, request.workers, availableParallelism(), config.batchSize);
  if (request.workers !== undefined && request.workers > 1 && workers === 1) {
    emit({ type: 'log', level: 'info', message: `${request.workers} workers asked for: only the wasm backend trains replicas; ${selected.active} trains as one instance.` });
  }
  const before = previous ? (previous.workers ?? 1) : workers;
  if (before !== workers) {
    emit({
      type: 'log',
      level: 'info',
      message: `Resuming with ${workers} worker${workers === 1 ? '' : 's'}; the run trained with ${before} until now. Weights, optimizer state and data order continue exactly; each step's batch is now shared by ${workers}, so batch-norm statistics come from shares of ${workers === 1 ? 'the whole batch' : `1/${workers} of it`}.`,
    });
  }
  const prepared = prepareModel(document, sets.train.dataset.classNames, config.seed);
  if (prepared.resized) {
    emit({ type: 'log', level: 'info', message: `The classifier was resized from ${prepared.resized.from} to ${prepared.resized.to} outputs to match the dataset's classes.` });
  }
  const record: RunRecord = previous
    ? { ...previous, config, workers }
    : {
        format: RUN_RECORD_FORMAT,
        version: 1,
        runId: request.runId ?? basename(runDir),
        createdAt: new Date().toISOString(),
        design: serializeDesign(prepared.document),
        designName: prepared.document.name,
        ...(request.designFile === undefined ? {} : { designFile: request.designFile }),
        // Stryker disable next-line ConditionalExpression: a run without data trains on the bundled dataset, and JSON drops a `data: undefined` key from the record as it is written; the spread keeps the record's optional fields absent, like the others
        ...(source.data === undefined ? {} : { data: source.data }),
        ...(source.validation === undefined ? {} : { validation: source.validation }),
        config,
        classNames: sets.train.dataset.classNames,
        ...(request.backend === undefined ? {} : { backend: request.backend }),
        workers,
      };
  await writeRunRecord(runDir, record);
  folderReady();

  const net = trainableModel(prepared.model, sets.train.dataset.classNames.length);
  const optimizer = createOptimizer(config);
  let state: TrainerState = { epoch: 0, batchInEpoch: 0, globalStep: 0, bestValTop1: null };
  let average: WeightAverage | null = null;
  let resumedFrom: OpenedRun['resumedFrom'];
  const warn = (message: string): void => emit({ type: 'log', level: 'warning', message });
  const checkpointDir = previous ? await findCheckpoint(runPaths(runDir).last, warn) : null;
  if (previous && checkpointDir === null) emit({ type: 'log', level: 'warning', message: `No checkpoint in ${runDir} yet; starting the run from the beginning.` });
  if (checkpointDir) {
    const loaded = await loadResumableCheckpoint(checkpointDir);
    try {
      restoreModelWeights(net, loaded);
      await optimizer.setWeights(loaded.optimizer);
      if (config.emaDecay > 0) {
        average = createWeightAverage(net.variables, config.emaDecay, loaded.averages.length > 0 ? { shadows: loaded.averages.map((a) => a.tensor), updates: loaded.averageUpdates } : undefined);
      }
    } finally {
      for (const group of [loaded.weights, loaded.optimizer, loaded.averages]) for (const w of group) w.tensor.dispose();
    }
    state = loaded.state;
    resumedFrom = { epoch: state.epoch + 1, step: state.batchInEpoch };
  } else {
    await initialiseLikeTf1(optimizer, config, net.variables);
    if (config.emaDecay > 0) average = createWeightAverage(net.variables, config.emaDecay);
  }
  return { record, runDir, config, document: prepared.document, ...sets, net, optimizer, average, state, ...(resumedFrom ? { resumedFrom } : {}), checkpoint: checkpointDir, backend: selected, workers };
}
