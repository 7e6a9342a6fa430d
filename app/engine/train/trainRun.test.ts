import { existsSync } from 'node:fs';
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { serializeDesign } from '../../design/document';
import { buildPreset } from '../../presets/index';
import type { TrainerStartRequest } from '../../training/processProtocol';
import type { TrainEvent } from '../../training/types';
import { writeSyntheticDataset } from '../data/syntheticDataset';
import { eventsOf, recordRun, smallPresetDesign } from './trainFixtures';
import { useTestFolder } from '../testing/testFolders';

const folder = useTestFolder('train-', { classes: 3, perClass: 16, size: 80 });

describe('runTraining on wasm', () => {
  it('learns a small preset: loss falls and validation accuracy rises well above chance', async () => {
    const runDir = join(folder.root, 'learn');
    const { outcome, events } = await recordRun({
      design: smallPresetDesign(1000),
      data: folder.data,
      runDir,
      backend: 'wasm',
      config: { optimizer: 'adam', learningRate: 0.003, batchSize: 8, epochs: 4, validationSplit: 0.25, seed: 2 },
    });
    expect(outcome).toBe('completed');
    const [start] = eventsOf(events, 'start');
    expect(start.backend).toBe('wasm');
    expect(start.classNames).toEqual(['class0', 'class1', 'class2']);
    expect(start.stepsPerEpoch).toBe(4);
    expect(eventsOf(events, 'log').some((e) => e.message.includes('resized from 1000 to 3'))).toBe(true);
    const epochs = eventsOf(events, 'epoch');
    expect(epochs).toHaveLength(4);
    expect(epochs[3].train.loss).toBeLessThan(epochs[0].train.loss);
    expect(epochs[3].validation?.top1).toBeGreaterThanOrEqual(2 / 3);
    // The split holds out round(0.25 × 16) = 4 images of each class; the matrix's diagonal is the top-1 hits.
    for (const epoch of epochs) {
      const confusion = epoch.validationConfusion ?? [];
      expect(confusion.map((row) => row.reduce((sum, count) => sum + count, 0))).toEqual([4, 4, 4]);
      expect(confusion.reduce((sum, row, truth) => sum + row[truth], 0) / 12).toBeCloseTo(epoch.validation?.top1 ?? -1, 10);
    }
    const steps = eventsOf(events, 'step');
    expect(steps).toHaveLength(16);
    expect(steps.every((s) => s.imagesPerSecond > 0 && s.lr > 0 && (s.pipelineImagesPerSecond ?? 0) > 0)).toBe(true);
    expect(steps[15].etaSeconds).toBe(0);
    const done = eventsOf(events, 'done')[0];
    expect(done).toMatchObject({ reason: 'completed', epochs: 4, lastCheckpoint: join(runDir, 'checkpoints', 'last') });
    expect(done.bestValTop1).toBe(Math.max(...epochs.map((e) => e.validation?.top1 ?? 0)));
    const logged = (await readFile(join(runDir, 'events.jsonl'), 'utf8')).trim().split('\n').map((line) => JSON.parse(line) as TrainEvent);
    expect(logged.map((e) => e.type)).toContain('done');
    expect(eventsOf(logged, 'epoch').map((e) => e.validationConfusion)).toEqual(epochs.map((e) => e.validationConfusion));
    expect(logged.some((e) => e.type === 'step')).toBe(false);
    const labels = JSON.parse(await readFile(join(runDir, 'checkpoints', 'best', 'labels.json'), 'utf8')) as string[];
    expect(labels).toEqual(['class0', 'class1', 'class2']);
  });

  it('ends with a clear error for a missing dataset folder', async () => {
    const missing = join(folder.root, 'missing');
    const { outcome, events } = await recordRun({ design: smallPresetDesign(2), data: missing, runDir: join(folder.root, 'fail'), backend: 'wasm', config: {} });
    expect(outcome).toBe('failed');
    expect(eventsOf(events, 'error')[0]).toEqual({ type: 'error', message: `Dataset not found: ${missing} does not exist.`, lastCheckpoint: null, kind: 'input' });
  });

  it('refuses unusable input as such, before it creates the run folder', async () => {
    const root = join(folder.root, 'unusable');
    await mkdir(join(root, 'empty', 'cats'), { recursive: true });
    await mkdir(join(root, 'empty', 'dogs'));
    await writeSyntheticDataset(join(root, 'one'), { classes: 1, perClass: 2, size: 80 });
    await writeFile(join(root, 'header.csv'), 'path,label\n');
    const image = (await writeSyntheticDataset(join(root, 'images'), { classes: 1, perClass: 1, size: 80 }))[0][0];
    const design = smallPresetDesign(2);
    const cases: [Partial<TrainerStartRequest>, 'input' | 'design', RegExp][] = [
      [{ data: join(root, 'missing') }, 'input', /Dataset not found/],
      [{ data: image }, 'input', /neither a folder of class sub-folders nor a \.csv manifest/],
      [{ data: join(root, 'header.csv') }, 'input', /lists no images/],
      [{ data: join(root, 'one') }, 'input', /at least 2 classes.* has 1/],
      [{ data: join(root, 'empty') }, 'input', /no readable images/],
      [{ data: folder.data, config: { epochs: 0 } }, 'input', /epochs must be a whole number > 0, got 0/],
      [{ data: folder.data, roots: [join(root, 'empty')] }, 'input', /outside the folders/],
      [{ data: folder.data, design: serializeDesign(buildPreset('inception-v4', { input: 74, classes: 2, width: 0.1, repeats: [1, 1, 1] })) }, 'design', /has 1 error and cannot be built/],
      [{ data: folder.data, resume: true }, 'input', /Cannot resume: .*run\.json not found/],
    ];
    for (const [index, [change, kind, message]] of cases.entries()) {
      const runDir = join(root, `run${index}`);
      const { outcome, events } = await recordRun({ design, runDir, backend: 'wasm', config: {}, ...change });
      expect(outcome, message.source).toBe('failed');
      expect(eventsOf(events, 'error')[0], message.source).toMatchObject({ kind, message: expect.stringMatching(message) });
      expect(existsSync(runDir), message.source).toBe(false);
    }
  });

  it('refuses a validation folder whose classes differ from the training classes', async () => {
    const validation = join(folder.root, 'other-val');
    await writeSyntheticDataset(validation, { classes: 2, perClass: 1, size: 80 });
    const { events } = await recordRun({ design: smallPresetDesign(3), data: folder.data, validation, runDir: join(folder.root, 'val'), backend: 'wasm', config: {} });
    expect(eventsOf(events, 'error')[0].message).toBe('The validation classes (class0, class1) differ from the training classes (class0, class1, class2).');
  });

  it('rejects a bad configuration naming the field', async () => {
    const { events } = await recordRun({ design: smallPresetDesign(2), data: folder.data, runDir: join(folder.root, 'bad'), backend: 'wasm', config: { batchSize: 0 } });
    expect(eventsOf(events, 'error')[0].message).toMatch(/batchSize must be a whole number > 0, got 0/);
  });
});
