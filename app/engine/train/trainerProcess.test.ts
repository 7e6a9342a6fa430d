import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import type { TrainEvent } from '../../training/types';
import { selectBackend } from '../backends/select';
import { loadModelDir } from '../modelDir/loadModelDir';
import { findCheckpoint, loadResumableCheckpoint } from './checkpoint';
import { eventsOf, smallPresetDesign } from './trainFixtures';
import { startTrainer, type TrainerHandle } from './trainerClient';
import { useTestFolder } from '../data/testFolders';

const folder = useTestFolder('trainer-', { classes: 2, perClass: 8, size: 80 });

beforeAll(async () => {
  await selectBackend({ backend: 'wasm' });
});

function start(runDir: string, onEvent: (event: TrainEvent, trainer: TrainerHandle) => void): { trainer: TrainerHandle; events: TrainEvent[] } {
  const events: TrainEvent[] = [];
  const trainer: TrainerHandle = startTrainer(
    { design: smallPresetDesign(2), data: folder.data, runDir, backend: 'wasm', config: { batchSize: 4, epochs: 50, validationSplit: 0.25 } },
    {
      onEvent: (event) => {
        events.push(event);
        onEvent(event, trainer);
      },
      onOutput: () => undefined,
    },
  );
  return { trainer, events };
}

describe('trainer process', () => {
  it('starts, reports, pauses, resumes, and on stop finishes the step and saves a checkpoint', async () => {
    const runDir = join(folder.root, 'stopped');
    const { trainer, events } = start(runDir, (event, t) => {
      if (event.type === 'step' && event.globalStep === 1) t.pause();
      if (event.type === 'paused') t.resume();
      // Arrives while a step runs: that step completes, then the run saves (if it trained since the last save) and ends.
      if (event.type === 'resumed') t.stop();
    });
    const exit = await trainer.exited;
    expect(exit.code).toBe(0);
    // Commands arrive while steps run, so how many steps fit in between depends on timing.
    const types = events.map((e) => e.type);
    expect(types.filter((type) => type !== 'progress').slice(0, 3)).toEqual(['scan', 'start', 'step']);
    expect(types.indexOf('resumed')).toBe(types.indexOf('paused') + 1);
    expect(types.at(-1)).toBe('done');
    expect(eventsOf(events, 'checkpoint').some((c) => c.kind === 'last')).toBe(true);
    expect(exit.final).toMatchObject({ type: 'done', reason: 'cancelled', lastCheckpoint: join(runDir, 'checkpoints', 'last') });
    const steps = eventsOf(events, 'step').length;
    const checkpoint = await loadResumableCheckpoint(join(runDir, 'checkpoints', 'last'));
    expect(checkpoint.state.globalStep).toBe(steps);
    expect(checkpoint.state.epoch * 3 + checkpoint.state.batchInEpoch).toBe(steps);
    const loaded = await loadModelDir(join(runDir, 'checkpoints', 'last'));
    expect(loaded.labels).toEqual(['class0', 'class1']);
    loaded.model.dispose();
  });

  it('a killed process leaves its last checkpoint loadable', async () => {
    const runDir = join(folder.root, 'killed');
    const { trainer, events } = start(runDir, (event, t) => {
      if (event.type === 'checkpoint' && event.kind === 'last') t.kill('SIGKILL');
    });
    const exit = await trainer.exited;
    expect(exit.signal).toBe('SIGKILL');
    expect(exit.final).toBeNull();
    expect(eventsOf(events, 'epoch')).toHaveLength(1);
    const dir = await findCheckpoint(join(runDir, 'checkpoints', 'last'));
    expect(dir).not.toBeNull();
    const loaded = await loadModelDir(dir as string);
    expect(loaded.metadata.classes).toBe(2);
    loaded.model.dispose();
    expect((await loadResumableCheckpoint(dir as string)).state.epoch).toBe(1);
  });
});
