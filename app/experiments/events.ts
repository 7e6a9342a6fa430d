/**
 * What an experiment's runner reports as it goes: the queue after every change, each run's start
 * and end, and the trainer's events of each run. The command line prints them; the desktop and
 * web hosts forward them to the window.
 */

import type { TrainEvent } from '../training/types';
import type { ExperimentQueue, QueuedRunState } from './queue';
import type { ExperimentRun } from './types';

export type ExperimentEvent =
  | { type: 'queue'; queue: ExperimentQueue }
  | { type: 'run-start'; run: ExperimentRun; runDir: string; resumed: boolean }
  | { type: 'train'; runId: string; event: TrainEvent }
  | { type: 'run-end'; runId: string; state: QueuedRunState; message?: string };
