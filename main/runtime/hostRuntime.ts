/**
 * Wires one host: path policy, handlers, trainer host and engine worker. The desktop and web
 * hosts each call this once with their own dialogs, process launcher and event sink, so both
 * run the same handlers against the same trainer processes.
 */

import { dirname, join } from 'node:path';
import type { HostEvent, HostInfo } from '../../app/protocol';
import { parseDesign } from '../../app/design/document';
import type { PathPolicy } from '../files/pathPolicy';
import type { RecentFiles } from '../files/recentFiles';
import { createRecoveryStore, type RecoveryStore } from '../files/recoveryStore';
import type { Handlers } from '../ipc/handlerTypes';
import { createHandlers } from '../ipc/handlers';
import type { FileDialogs } from '../ipc/hostServices';
import { createExperimentService } from '../experiments/experimentService';
import { createComputeService } from '../trainer/computeService';
import { createEngineWorkerClient } from '../trainer/engineWorkerClient';
import { launchedRunStarter } from '../trainer/launchedRun';
import type { LaunchProcess } from '../trainer/processLauncher';
import { createTrainerHost } from '../trainer/trainerHost';

export interface HostRuntimeOptions {
  info: Omit<HostInfo, 'roots'>;
  /** What the renderer may reach: the web host's roots, or the desktop's runs folder and grants. */
  paths: PathPolicy;
  dialogs: FileDialogs | null;
  recent: RecentFiles;
  launch: LaunchProcess;
  /** Process entries: the trainer (one per run) and the engine worker (one, long-lived). */
  entries: { trainer: string; engineWorker: string };
  runsRoot: string;
  /** Where experiments get their folders; default: `experiments` beside the runs folder. */
  experimentsRoot?: string;
  /** Where recovery copies of unsaved designs are kept. */
  recoveryDir: string;
  emit(event: HostEvent): void;
  onDocumentState?(state: { title: string; dirty: boolean }): void;
  stopGraceMs?: number;
}

export interface HostRuntime {
  handlers: Handlers;
  paths: PathPolicy;
  recovery: RecoveryStore;
  /** Stops training runs (checkpointing them) and the engine worker. */
  shutdown(): Promise<void>;
}

export async function createHostRuntime(options: HostRuntimeOptions): Promise<HostRuntime> {
  const trainer = createTrainerHost({
    launch: options.launch,
    entry: options.entries.trainer,
    runsRoot: options.runsRoot,
    emit: options.emit,
    stopGraceMs: options.stopGraceMs,
  });
  const engine = createEngineWorkerClient(
    options.launch,
    options.entries.engineWorker,
    (message) => options.emit({ type: 'trainer-crashed', runId: null, message, lastCheckpoint: null }),
    (event) => options.emit({ type: 'progress', event }),
  );
  const { paths } = options;
  const recovery = createRecoveryStore(options.recoveryDir);
  const compute = createComputeService(trainer, engine, options.runsRoot);
  const experiments = createExperimentService({
    root: options.experimentsRoot ?? join(dirname(options.runsRoot), 'experiments'),
    startRun: launchedRunStarter(options.launch, options.entries.trainer, () => paths.allowed()),
    compute,
    roots: () => paths.allowed(),
    emit: options.emit,
  });
  const handlers = createHandlers({
    info: options.info,
    paths,
    dialogs: options.dialogs,
    recent: options.recent,
    recovery,
    parseDesign,
    onDocumentState: options.onDocumentState ?? (() => {}),
    compute,
    experiments,
  });
  return {
    handlers,
    paths,
    recovery,
    async shutdown() {
      engine.close();
      await Promise.all([trainer.shutdown(), experiments.shutdown()]);
    },
  };
}
