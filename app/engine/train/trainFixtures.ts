/** Shared set-up for the training tests and benchmark: a small preset and an event recorder. */

import { serializeDesign } from '../../design/document';
import { buildPreset } from '../../presets/index';
import type { TrainerStartRequest } from '../../training/processProtocol';
import type { TrainEvent } from '../../training/types';
import { RunControl } from './runControl';
import { runTraining, type RunOutcome } from './trainRun';

/** Inception-v4 cut down to train on a CPU in seconds: width 0.1, one block per stage, 75×75. */
export function smallPresetDesign(classes: number): string {
  return serializeDesign(buildPreset('inception-v4', { width: 0.1, repeats: [1, 1, 1], input: 75, classes }));
}

export interface RecordedRun {
  outcome: RunOutcome;
  events: TrainEvent[];
}

/** Runs in this process; `onEvent` may steer the run through its control (stop at step N). */
export async function recordRun(request: TrainerStartRequest, onEvent?: (event: TrainEvent, control: RunControl) => void): Promise<RecordedRun> {
  const control = new RunControl();
  const events: TrainEvent[] = [];
  const outcome = await runTraining(request, (event) => {
    events.push(event);
    onEvent?.(event, control);
  }, control);
  return { outcome, events };
}

export function eventsOf<T extends TrainEvent['type']>(events: readonly TrainEvent[], type: T): Extract<TrainEvent, { type: T }>[] {
  return events.filter((e): e is Extract<TrainEvent, { type: T }> => e.type === type);
}
