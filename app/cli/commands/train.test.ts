import { existsSync } from 'node:fs';
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { TrainEvent } from '../../training/types';
import { main } from '../main';
import type { CliIo } from '../types';
import { useTestFolder } from '../../engine/testing/testFolders';

const folder = useTestFolder('cli-train-', { classes: 2, perClass: 6, size: 80 });

function capture(): { io: CliIo; out: () => string; err: () => string } {
  let out = '';
  let err = '';
  return { io: { stdout: (t) => (out += t), stderr: (t) => (err += t), isTty: false, stderrIsTty: false, cwd: folder.root }, out: () => out, err: () => err };
}

const small = ['preset:inception-v4', '--param', 'width=0.1', '--param', 'repeats=1,1,1', '--input', '75', '--backend', 'wasm'];

describe('train command', () => {
  it('refuses bad options before starting anything', async () => {
    const cases: [string[], RegExp][] = [
      [[], /Missing the design/],
      [[...small, '--optimizer', 'lbfgs'], /--optimizer lbfgs: expected rmsprop, sgd, adam/],
      [[...small, '--batch', 'many'], /--batch many: expected a number/],
      [[...small, '--backend', 'tpu'], /--backend tpu/],
      [[...small, '--workers', '0'], /--workers 0: workers must be a whole number in \[1, 64\]/],
      [[...small, '--image-cache', '1.5'], /--image-cache 1.5: the image cache must be a whole number in \[0, 65536\] MB/],
      [['preset:nope'], /Unknown preset 'nope'/],
      [['--resume', join(folder.root, 'run'), 'preset:inception-v4'], /--resume continues a run/],
    ];
    for (const [args, message] of cases) {
      const { io, err } = capture();
      expect(await main(['train', ...args], io)).toBe(2);
      expect(err()).toMatch(message);
    }
  });

  it('exits 2 for unusable input and 1 for a design with errors, without creating the run folder', async () => {
    const out = join(folder.root, 'never');
    await writeFile(join(folder.root, 'header.csv'), 'path,label\n');
    const cases: [string[], 1 | 2, RegExp][] = [
      [[...small, '--epochs', '0'], 2, /--epochs 0: epochs must be a whole number > 0/],
      [['--resume', join(folder.root, 'no-such-run')], 2, /Cannot resume: .*run\.json not found/],
      [['preset:inception-v4', '--input', '74', '--param', 'width=0.1'], 1, /Design 'Inception-v4' has 1 error and cannot be built/],
      [[...small, '--data', join(folder.root, 'header.csv')], 2, /lists no images/],
    ];
    for (const [args, code, message] of cases) {
      const { io, err } = capture();
      expect(await main(['train', ...args, ...(args[0] === '--resume' ? [] : ['--out', out])], io), message.source).toBe(code);
      expect(err(), message.source).toMatch(message);
      expect(existsSync(out), message.source).toBe(false);
    }
  });

  it('trains in a trainer process over two worker threads, prints JSON lines, and evaluate reads the checkpoint', async () => {
    const runDir = join(folder.root, 'run');
    const trained = capture();
    const code = await main(['train', ...small, '--data', folder.data, '--epochs', '1', '--batch', '4', '--workers', '2', '--image-cache', '1', '--out', runDir, '--json'], trained.io);
    expect(code).toBe(0);
    const events = trained.out().trim().split('\n').map((line) => JSON.parse(line) as TrainEvent);
    expect(events[0]).toMatchObject({ type: 'progress', task: 'scan', total: 12 });
    expect(events.find((event) => event.type !== 'progress')?.type).toBe('scan');
    expect(events.find((event) => event.type === 'start')).toMatchObject({ backend: 'wasm', workers: 2 });
    expect(events.find((event) => event.type === 'log' && event.message.startsWith('Image cache:'))).toMatchObject({ message: expect.stringMatching(/^Image cache: \d+ of \d+ training images kept \(\d+\.\d of 1 MB\); later epochs crop them from memory\.$/) });
    expect(events.at(-1)).toMatchObject({ type: 'done', reason: 'completed', epochs: 1 });

    const evaluated = capture();
    expect(await main(['evaluate', join(runDir, 'checkpoints', 'last'), '--data', folder.data, '--backend', 'wasm', '--json'], evaluated.io)).toBe(0);
    const report = JSON.parse(evaluated.out()) as { images: number; classNames: string[]; confusion: number[][] };
    expect(report.images).toBe(12);
    expect(report.classNames).toEqual(['class0', 'class1']);
    expect(report.confusion.flat().reduce((a, b) => a + b, 0)).toBe(12);

    const text = capture();
    expect(await main(['evaluate', join(runDir, 'checkpoints', 'last'), '--data', folder.data, '--backend', 'wasm'], text.io)).toBe(0);
    expect(text.out()).toMatch(/top-1: +\d+\.\d\d%/);
    expect(text.out()).toContain('true \\ predicted');
    expect(text.err()).toMatch(/^checking dataset \[#{20}\] 12\/12 images in \d+s\n/m);
    expect(text.err()).toMatch(/^evaluate \[#{20}\] 12\/12 images in \d+s\n/m);
  });

  it('evaluate names a missing model directory and a dataset with unknown classes', async () => {
    const missing = capture();
    expect(await main(['evaluate', join(folder.root, 'nowhere'), '--backend', 'wasm'], missing.io)).toBe(2);
    expect(missing.err()).toMatch(/nowhere/);
    const unknown = capture();
    expect(await main(['evaluate', join(folder.root, 'run', 'checkpoints', 'last'), '--backend', 'wasm'], unknown.io)).toBe(2);
    expect(unknown.err()).toMatch(/does not know the dataset's classes 'T-shirt\/top'/);
  });
});
