/**
 * A training run from start to end: epochs of seeded batches, one optimisation step each,
 * validation with the averaged weights after every epoch, `last` and `best` checkpoints, and
 * the events that report it all. Pause, resume and stop are honoured between steps.
 */

import { ImageCache } from '../data/imageCache';
import { DEFAULT_IMAGE_CACHE_MB } from '../../training/imageCache';
import type { TrainerStartRequest } from '../../training/processProtocol';
import { learningRateAt } from '../../training/schedule';
import { MetricsAccumulator } from '../../training/metrics';
import { StepRates } from '../../training/stepRates';
import type { StepMetrics, TrainEvent } from '../../training/types';
import { selectBackend } from '../backends/select';
import { batchesPerEpoch, streamBatches, type BatchPlan } from '../data/batchStream';
import { saveBestModel, saveResumableCheckpoint, type CheckpointSource, type TrainerState } from './checkpoint';
import { BatchNormWarmup } from './batchNormWarmup';
import { seedDropout } from './dropoutSeeds';
import { evaluateBatches } from './evaluateBatches';
import { openRun, type OpenedRun } from './openRun';
import { setLearningRate } from './optimizer';
import type { RunControl } from './runControl';
import { assertRunDirFree, logEvent, runPaths } from '../../node/runs/runRecord';
import { trainStep } from './trainStep';
import { DataParallelTrainer } from './parallel/dataParallel';
import { describeFailure, failureKind } from './failure';
import { memoryAdvice } from './memoryAdvice';

export type RunOutcome = 'completed' | 'cancelled' | 'failed';

export async function runTraining(request: TrainerStartRequest, emitEvent: (event: TrainEvent) => void, control: RunControl): Promise<RunOutcome> {
  let lastCheckpoint: string | null = null;
  // Events go to the run's log once its folder exists: a new run's folder is made only after its
  // inputs check out, so unusable input leaves no folder behind; what came before is logged then.
  let logDir: string | null = null;
  const early: TrainEvent[] = [];
  // Appends are chained so the log keeps the events' order and is complete when the run returns.
  let logged: Promise<void> = Promise.resolve();
  const log = (dir: string, event: TrainEvent): void => void (logged = logged.then(() => logEvent(dir, event)).catch(() => undefined));
  const emit = (event: TrainEvent): void => {
    emitEvent(event);
    if (logDir) log(logDir, event);
    else early.push(event);
  };
  const folderReady = (): void => {
    logDir = request.runDir;
    for (const event of early.splice(0)) log(request.runDir, event);
  };
  let outcome: RunOutcome;
  let batchAdvice: string | undefined;
  try {
    if (request.resume) folderReady();
    else await assertRunDirFree(request.runDir);
    const run = await openRun(request, emit, folderReady, () => selectBackend({ backend: request.backend }));
    lastCheckpoint = run.checkpoint;
    const advice = memoryAdvice(run.document, run.config, run.backend, request.memoryBytes, run.workers);
    batchAdvice = advice.suggestion;
    if (advice.estimate.warning) emit({ type: 'log', level: 'warning', message: `Memory estimate on ${run.backend.active}: ${advice.estimate.warning}` });
    const parallel = run.workers > 1 ? await DataParallelTrainer.start(run.net, run.record.design, run.record.classNames, run.config, run.workers) : null;
    try {
      const cache = new ImageCache((request.imageCacheMegabytes ?? DEFAULT_IMAGE_CACHE_MB) * 2 ** 20);
      outcome = await trainEpochs(run, parallel, cache, emit, control, (path) => (lastCheckpoint = path));
    } finally {
      await parallel?.close();
      run.average?.dispose();
      run.optimizer.dispose();
      run.net.model.dispose();
    }
  } catch (error) {
    emit({ type: 'error', message: describeFailure(error, lastCheckpoint, batchAdvice), lastCheckpoint, kind: failureKind(error) });
    outcome = 'failed';
  }
  await logged;
  return outcome;
}

async function trainEpochs(
  run: OpenedRun,
  parallel: DataParallelTrainer | null,
  cache: ImageCache,
  emit: (event: TrainEvent) => void,
  control: RunControl,
  saved: (path: string) => void,
): Promise<RunOutcome> {
  const { config, net, optimizer, average } = run;
  const [size, , channels] = net.input;
  const geometry = { size, channels: channels as 1 | 3 };
  const stepsPerEpoch = batchesPerEpoch(run.train.indices.length, config.batchSize, true);
  const totalSteps = stepsPerEpoch * config.epochs;
  const paths = runPaths(run.runDir);
  const source: CheckpointSource = { net, optimizer, average, document: run.document, classNames: run.record.classNames };
  const state: TrainerState = { ...run.state };
  const onSkip = (file: string, problem: string): void => emit({ type: 'log', level: 'warning', message: `Skipped ${file}: ${problem}` });
  emit({
    type: 'start',
    runId: run.record.runId,
    runDir: run.runDir,
    backend: run.backend.active,
    device: run.backend.device,
    stepsPerEpoch,
    totalSteps,
    config,
    classNames: run.record.classNames,
    ...(run.resumedFrom ? { resumedFrom: run.resumedFrom } : {}),
    workers: run.workers,
  });

  const batchNorm = new BatchNormWarmup(net.model);
  const saveLast = async (): Promise<void> => {
    batchNorm.restore();
    await saveResumableCheckpoint(paths.last, source, state);
    saved(paths.last);
    emit({ type: 'checkpoint', kind: 'last', epoch: state.epoch + (state.batchInEpoch > 0 ? 1 : 0), path: paths.last });
  };
  const finish = (reason: 'completed' | 'cancelled'): RunOutcome => {
    emit({ type: 'done', reason, epochs: state.epoch, bestValTop1: state.bestValTop1, lastCheckpoint: state.globalStep > 0 ? paths.last : null });
    return reason;
  };

  const rates = new StepRates();
  let unsaved = false;
  while (state.epoch < config.epochs) {
    const epochStart = performance.now();
    const metrics = new MetricsAccumulator();
    const plan: BatchPlan = { dataset: run.train.dataset, indices: run.train.indices, batchSize: config.batchSize, geometry, training: true, augment: config.augment, seed: config.seed, epoch: state.epoch, startBatch: state.batchInEpoch, onSkip, cache };
    const cachedBefore = cache.count;
    const batches = streamBatches(plan);
    let stepStart = performance.now();
    for await (const batch of batches) {
      // A step and a prefetched batch can both finish without a macrotask turn; yield one so
      // pause and stop messages from the parent are read before the next step.
      await new Promise((resolve) => setImmediate(resolve));
      if (control.pauseRequestedNow) {
        emit({ type: 'paused' });
        await control.waitForResume();
        if (!control.stopRequested) emit({ type: 'resumed' });
        stepStart = performance.now();
      }
      if (control.stopRequested) break;
      const lr = learningRateAt(config, state.epoch + state.batchInEpoch / stepsPerEpoch);
      setLearningRate(optimizer, lr);
      seedDropout(net.model, config.seed, state.globalStep);
      batchNorm.apply(state.globalStep);
      const outcome = batch.size > 0 ? await (parallel ? parallel.step(optimizer, batch, state.globalStep) : trainStep(net, optimizer, config, batch)) : null;
      average?.update();
      state.batchInEpoch++;
      state.globalStep++;
      unsaved = true;
      rates.stepTook((performance.now() - stepStart) / 1000);
      stepStart = performance.now();
      if (!outcome) continue;
      rates.batchDecoded(batch.decodeSeconds, batch.size);
      metrics.add(outcome.loss, outcome.top1Correct, outcome.top5Correct, batch.size);
      emit({
        type: 'step',
        epoch: state.epoch + 1,
        step: state.batchInEpoch,
        globalStep: state.globalStep,
        lr,
        ...rates.speed(batch.size, totalSteps - state.globalStep),
        loss: outcome.loss,
        top1: outcome.top1Correct / batch.size,
        top5: outcome.top5Correct / batch.size,
      });
    }
    if (control.stopRequested) {
      await batches.return(undefined);
      if (unsaved) await saveLast();
      return finish('cancelled');
    }
    if (cache.count > cachedBefore) emit({ type: 'log', level: 'info', message: cacheReport(cache, run.train.indices.length) });
    const validated = await validate(run, geometry, onSkip);
    const validation = validated?.metrics ?? null;
    state.epoch++;
    state.batchInEpoch = 0;
    const improved = validation !== null && (state.bestValTop1 === null || validation.top1 > state.bestValTop1);
    if (improved) state.bestValTop1 = validation.top1;
    emit({
      type: 'epoch',
      epoch: state.epoch,
      train: metrics.mean(),
      validation,
      ...(validated ? { validationConfusion: validated.confusion } : {}),
      lr: learningRateAt(config, state.epoch),
      seconds: (performance.now() - epochStart) / 1000,
    });
    await saveLast();
    unsaved = false;
    if (improved) {
      batchNorm.restore();
      await saveBestModel(paths.best, source, { epoch: state.epoch, valTop1: validation.top1 });
      emit({ type: 'checkpoint', kind: 'best', epoch: state.epoch, path: paths.best });
    }
  }
  return finish('completed');
}

/** How much of the training set the image cache holds, after an epoch that added to it. */
function cacheReport(cache: ImageCache, images: number): string {
  const held = `Image cache: ${cache.count} of ${images} training images kept (${(cache.usedBytes / 2 ** 20).toFixed(1)} of ${(cache.budgetBytes / 2 ** 20).toFixed(0)} MB)`;
  if (!cache.full) return `${held}; later epochs crop them from memory.`;
  return `${held}, full: the rest are decoded every epoch; a larger image cache (--image-cache, Train › Compute) keeps more.`;
}

/** Metrics of the validation split and its confusion matrix, from the probabilities the metrics read anyway. */
async function validate(run: OpenedRun, geometry: BatchPlan['geometry'], onSkip: BatchPlan['onSkip']): Promise<{ metrics: StepMetrics; confusion: number[][] } | null> {
  if (!run.validation) return null;
  const plan: BatchPlan = { dataset: run.validation.dataset, indices: run.validation.indices, batchSize: run.config.batchSize, geometry, training: false, seed: run.config.seed, epoch: 0, onSkip };
  const confusion = Array.from({ length: run.net.classes }, () => new Array<number>(run.net.classes).fill(0));
  const evaluate = () => evaluateBatches(run.net, streamBatches(plan), confusion);
  const { loss, top1, top5 } = run.average ? await run.average.withAveragedWeights(evaluate) : await evaluate();
  return { metrics: { loss, top1, top5 }, confusion };
}
