import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { TrainerStartRequest } from '../../training/processProtocol';
import { eventsOf, recordRun, smallPresetDesign } from './trainFixtures';
import { useTestFolder } from '../testing/testFolders';

const folder = useTestFolder('resume-', { classes: 2, perClass: 10, size: 80 });

/** The paper recipe in full: RMSProp with momentum, clipping, averages, smoothing, decay, dropout; two replicas. */
const request = (runDir: string): TrainerStartRequest => ({
  design: smallPresetDesign(2),
  data: folder.data,
  runDir,
  backend: 'wasm',
  workers: 2,
  config: { batchSize: 4, epochs: 2, validationSplit: 0.2, seed: 11, augment: true },
});

const checkpointFiles = ['trainer-weights.bin', 'trainer-optimizer.bin', 'trainer-averages.bin', 'weights.bin'];

async function lastCheckpoint(runDir: string): Promise<Buffer[]> {
  return Promise.all(checkpointFiles.map((f) => readFile(join(runDir, 'checkpoints', 'last', f))));
}

describe('resume', () => {
  it('an interrupted and resumed run ends with the same weights as an uninterrupted one, bit for bit', async () => {
    const straight = await recordRun(request(join(folder.root, 'straight')));
    expect(straight.outcome).toBe('completed');
    expect(eventsOf(straight.events, 'step')).toHaveLength(8);

    const interruptedDir = join(folder.root, 'interrupted');
    const first = await recordRun(request(interruptedDir), (event, control) => {
      if (event.type === 'step' && event.globalStep === 6) control.stop();
    });
    expect(first.outcome).toBe('cancelled');
    expect(eventsOf(first.events, 'checkpoint').at(-1)).toMatchObject({ kind: 'last', epoch: 2 });
    expect(eventsOf(first.events, 'done')[0]).toMatchObject({ reason: 'cancelled', epochs: 1 });

    const again = await recordRun(request(interruptedDir));
    expect(eventsOf(again.events, 'error')[0].message).toMatch(/already holds a training run; resume it/);

    const second = await recordRun({ ...request(interruptedDir), design: '(ignored on resume)', resume: true });
    expect(second.outcome).toBe('completed');
    expect(eventsOf(second.events, 'start')[0].resumedFrom).toEqual({ epoch: 2, step: 2 });
    expect(eventsOf(second.events, 'step').map((s) => s.globalStep)).toEqual([7, 8]);

    const [a, b] = [await lastCheckpoint(join(folder.root, 'straight')), await lastCheckpoint(interruptedDir)];
    a.forEach((bytes, i) => expect(bytes.equals(b[i]), checkpointFiles[i]).toBe(true));
    const lastEpoch = (events: typeof straight.events) => eventsOf(events, 'epoch').at(-1)?.validation;
    expect(lastEpoch(second.events)).toEqual(lastEpoch(straight.events));

    // A damaged last checkpoint is refused, naming the file, and left as it is: no fresh start over it.
    const weightsPath = join(interruptedDir, 'checkpoints', 'last', 'trainer-weights.bin');
    const damaged = await readFile(weightsPath);
    damaged[100] ^= 0xff;
    await writeFile(weightsPath, damaged);
    const third = await recordRun({ ...request(interruptedDir), config: { epochs: 3 }, resume: true });
    expect(third.outcome).toBe('failed');
    expect(eventsOf(third.events, 'error')[0].message).toMatch(/No whole checkpoint to resume from: .*trainer-weights\.bin: its checksum does not match/);
    expect(eventsOf(third.events, 'step')).toEqual([]);
    expect((await readFile(weightsPath)).equals(damaged)).toBe(true);
    // Three runs of two replicas each, on a machine others share.
  }, 240_000);

  it('a run resumed with another worker count continues from its checkpoint and says so', async () => {
    const runDir = join(folder.root, 'regrouped');
    const first = await recordRun({ ...request(runDir), config: { ...request(runDir).config, epochs: 1 } }, (event, control) => {
      if (event.type === 'step' && event.globalStep === 2) control.stop();
    });
    expect(eventsOf(first.events, 'start')[0].workers).toBe(2);
    const second = await recordRun({ ...request(runDir), config: { epochs: 1 }, workers: 1, resume: true });
    expect(second.outcome).toBe('completed');
    expect(eventsOf(second.events, 'start')[0]).toMatchObject({ workers: 1, resumedFrom: { epoch: 1, step: 2 } });
    expect(eventsOf(second.events, 'log').map((e) => e.message)).toContainEqual(expect.stringMatching(/^Resuming with 1 worker; the run trained with 2 until now\./));
    expect(eventsOf(second.events, 'step').map((s) => s.globalStep)).toEqual([3, 4]);
    expect(JSON.parse(await readFile(join(runDir, 'run.json'), 'utf8'))).toMatchObject({ workers: 1 });
  }, 120_000);
});
