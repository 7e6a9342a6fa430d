import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { compileDesign } from '../../engine/compile/compileDesign';
import { saveModelDir } from '../../engine/modelDir/saveModelDir';
import { buildPreset } from '../../presets/index';
import { runCli } from '../testing/captureIo';
import { useTempDir } from '../../engine/testing/tempDir';

const dir = useTempDir('predict');
const samples = fileURLToPath(new URL('../../../assets/samples/', import.meta.url));
const jpeg = join(samples, 'orange-disc.jpg');
const png = join(samples, 'checkerboard-gray.png');
const small = ['--input', '75', '--param', 'width=0.125', '--param', 'repeats=1,1,1', '--classes', '3'];

describe('predict', () => {
  it('classifies images with a preset on the chosen backend and prints the top classes', async () => {
    const { code, out, err } = await runCli(dir(), ['predict', 'preset:inception-v4', jpeg, png, ...small, '--top', '2', '--backend', 'wasm']);
    expect(err).toBe('');
    expect(code).toBe(0);
    expect(out).toMatch(/^backend: wasm on /);
    expect(out).toContain('model: Inception-v4 with random weights');
    expect(out).toContain(`${jpeg}\n   1. `);
    expect(out.match(/% {2}class \d \(#\d\)/g)).toHaveLength(4);
  });

  it('prints JSON, and reports an unreadable image while classifying the rest (exit 1)', async () => {
    const { code, out, err } = await runCli(dir(), ['predict', 'preset:inception-v4', jpeg, 'missing.jpg', ...small, '--json']);
    expect(code).toBe(1);
    expect(err).toBe("predict: Cannot read image 'missing.jpg': no such file\n");
    const result = JSON.parse(out) as { weights: string; predictions: { image: string; top: unknown[]; error?: string }[] };
    expect(result.weights).toBe('random');
    expect(result.predictions.map((p) => [p.image, p.top.length, p.error])).toEqual([
      [jpeg, 3, undefined],
      ['missing.jpg', 0, "Cannot read image 'missing.jpg': no such file"],
    ]);
  });

  it('goes through many images in batches, with progress on stderr', async () => {
    const many = [jpeg, png, jpeg];
    const plain = await runCli(dir(), ['predict', 'preset:inception-v4', ...many, ...small, '--batch', '1', '--top', '1']);
    expect(plain.code).toBe(0);
    expect(plain.out.match(/ {2}1\. /g)).toHaveLength(3);
    const lines = plain.err.trimEnd().split('\n');
    expect(lines).toHaveLength(3);
    expect(lines[0]).toMatch(/^predict \[#+-+\] 1\/3 images {2}[\d.]+ images\/s {2}ETA \d+s$/);
    expect(lines[2]).toMatch(/^predict \[#{20}\] 3\/3 images in \d+s$/);

    const json = await runCli(dir(), ['predict', 'preset:inception-v4', ...many, ...small, '--batch', '2', '--json']);
    expect(json.code).toBe(0);
    expect((JSON.parse(json.out) as { predictions: unknown[] }).predictions).toHaveLength(3);
    const events = json.err.trim().split('\n').map((line) => JSON.parse(line) as { type: string; task: string; done: number; total: number });
    expect(events[0]).toMatchObject({ type: 'progress', task: 'predict', done: 2, total: 3 });
    expect(events.at(-1)).toMatchObject({ done: 3, total: 3, etaSeconds: 0 });
  });

  it('classifies with a saved model directory and its labels', async () => {
    const design = buildPreset('inception-resnet-v2', { input: 75, width: 0.125, repeats: [1, 1, 1], classes: 2 });
    const { model } = compileDesign(design, { seed: 3 });
    await saveModelDir(join(dir(), 'model'), { model, design, labels: ['apple', 'pear'] });
    model.dispose();
    const { code, out, err } = await runCli(dir(), ['predict', 'model', jpeg, '--top', '1']);
    expect(err).toBe('');
    expect(code).toBe(0);
    expect(out).toContain('model: model directory model\n');
    expect(out).toMatch(/ {2}1\. +\d+\.\d\d% {2}(apple \(#0\)|pear \(#1\))\n$/);
  });

  it('refuses bad arguments with exit 2 and a message', async () => {
    expect(await runCli(dir(), ['predict', 'preset:inception-v4'])).toMatchObject({ code: 2, err: 'predict: Missing the images to classify.\n' });
    expect(await runCli(dir(), ['predict', 'preset:inception-v4', jpeg, '--backend', 'tpu'])).toMatchObject({ code: 2, err: expect.stringContaining('--backend tpu') });
    expect(await runCli(dir(), ['predict', dir(), jpeg, '--input', '75'])).toMatchObject({ code: 2, err: expect.stringContaining('saved model directory') });
    expect(await runCli(dir(), ['predict', dir(), jpeg])).toMatchObject({ code: 2, err: expect.stringMatching(/metadata\.json: missing/) });
  });

  it('exits 1 with the diagnostics for a design with errors', async () => {
    const { code, err } = await runCli(dir(), ['predict', 'preset:inception-resnet-v2-as-printed', jpeg, '--input', '75']);
    expect(code).toBe(1);
    expect(err).toMatch(/errors? and cannot be built:\n {2}\w+ \[/);
  });
});
