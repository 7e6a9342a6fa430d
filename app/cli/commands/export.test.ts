import { mkdir, readdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { selectBackend } from '../../engine/backends/select';
import { openOnnxSession } from '../../engine/export/onnxRuntime';
import { exportCase, seededInput, toNchw } from '../../engine/export/testing/exportFixtures';
import { saveModelDir } from '../../engine/modelDir/saveModelDir';
import { relativeMaxError } from '../../engine/testing/seededData';
import { smallDesign } from '../../engine/testing/smallDesign';
import { design } from '../../analysis/testing/designs';
import { serializeDesign } from '../../design/document';
import { useTempDir } from '../../node/testing/tempDir';
import { runCli } from '../testing/captureIo';

const dir = useTempDir('export-cli');
const small = ['preset:inception-v4', '--input', '75', '--param', 'width=0.125', '--param', 'repeats=1,1,1', '--classes', '3'];

describe('export', () => {
  beforeAll(async () => {
    await selectBackend({ backend: 'wasm' });
  });

  it('exports a saved model directory, trained weights and labels, as ONNX, computing what the Studio computes', async () => {
    const design = smallDesign(2);
    const { model, graph, logits } = await exportCase(design, 4);
    const input = seededInput(1, graph.input, 2);
    try {
      await saveModelDir(join(dir(), 'model'), { model, design, labels: ['apple', 'pear'] });
      const { code, out, err } = await runCli(dir(), ['export', 'model', '--format', 'onnx', '--out', 'model.onnx', '--json']);
      expect(code).toBe(0);
      expect(JSON.parse(out)).toMatchObject({ format: 'onnx', path: join(dir(), 'model.onnx') });
      expect(JSON.parse(err.trim().split('\n').at(-1)!)).toMatchObject({ type: 'progress', task: 'export', unit: 'layers' });
      const session = await openOnnxSession(new Uint8Array(await readFile(join(dir(), 'model.onnx'))));
      const [h, w, c] = graph.input;
      const outputs = await session.run(await toNchw(input), [1, c, h, w]);
      await session.release();
      expect(relativeMaxError(outputs.logits, await logits(input))).toBeLessThanOrEqual(1e-4);
    } finally {
      input.dispose();
      model.dispose();
    }
  }, 120_000);

  it('writes the PyTorch and TF.js folders from a preset, and replaces its own earlier export', async () => {
    for (const format of ['pytorch', 'tfjs', 'pytorch']) expect(await runCli(dir(), ['export', ...small, '--format', format, '--out', format])).toMatchObject({ code: 0 });
    expect((await readdir(join(dir(), 'pytorch'))).sort()).toEqual(['README.md', 'classes.json', 'design.incept.json', 'metadata.json', 'model.py', 'train.py', 'weights.npz']);
    expect((await readdir(join(dir(), 'tfjs'))).sort()).toEqual(['model.json', 'weights.bin']);
    expect(JSON.parse(await readFile(join(dir(), 'pytorch', 'classes.json'), 'utf8'))).toEqual(['class 0', 'class 1', 'class 2']);
  }, 120_000);

  it('uses --seed for a design: different seeds, different weights', async () => {
    for (const seed of ['1', '2']) expect((await runCli(dir(), ['export', ...small, '--format', 'onnx', '--seed', seed, '--out', `seed${seed}.onnx`])).code).toBe(0);
    const [a, b] = await Promise.all(['seed1.onnx', 'seed2.onnx'].map((name) => readFile(join(dir(), name))));
    expect(a.length).toBe(b.length);
    expect(a.equals(b)).toBe(false);
  }, 120_000);

  it('exits 1 and writes nothing for a design with errors', async () => {
    const { code, err } = await runCli(dir(), ['export', 'preset:inception-resnet-v2-as-printed', '--input', '75', '--format', 'onnx', '--out', 'broken.onnx']);
    expect(code).toBe(1);
    expect(err).toMatch(/cannot be built.*Nothing was written/s);
    expect(await readdir(dir())).not.toContain('broken.onnx');
  });

  it('refuses a folder holding other files, and bad arguments, with exit 2', async () => {
    await mkdir(join(dir(), 'photos'));
    await writeFile(join(dir(), 'photos', 'holiday.jpg'), 'x');
    expect(await runCli(dir(), ['export', ...small, '--format', 'tfjs', '--out', 'photos'])).toMatchObject({ code: 2, err: expect.stringContaining('holds other files (holiday.jpg)') });
    expect(await readdir(join(dir(), 'photos'))).toEqual(['holiday.jpg']);
    expect(await runCli(dir(), ['export', ...small, '--out', 'x.onnx'])).toMatchObject({ code: 2, err: 'export: Missing --format: onnx, pytorch or tfjs.\n' });
    expect(await runCli(dir(), ['export', ...small, '--format', 'keras', '--out', 'x'])).toMatchObject({ code: 2, err: expect.stringContaining('--format keras: expected onnx, pytorch or tfjs') });
    expect(await runCli(dir(), ['export', ...small, '--format', 'onnx'])).toMatchObject({ code: 2, err: 'export: Missing --out: the file to write.\n' });
    expect(await runCli(dir(), ['export', 'missing.incept.json', '--format', 'onnx', '--out', 'x.onnx'])).toMatchObject({ code: 2, err: expect.stringContaining("Cannot read design file 'missing.incept.json'") });
    expect(await runCli(dir(), ['export', ...small, '--format', 'onnx', '--out', 'no/such/dir/x.onnx'])).toMatchObject({ code: 2, err: expect.stringContaining('its folder does not exist') });
  });

  it('refuses a design portable TF.js cannot express, naming the layer, with exit 2', async () => {
    const residualOnRelu = design(
      [['input', 'input'], ['c1', 'conv2d', { filters: 4 }], ['c2', 'conv2d', { filters: 4 }], ['add', 'residualAdd', { scale: 0.5 }], ['pool', 'globalAvgPool'], ['logits', 'dense', { units: 2 }]],
      [['input', 'c1'], ['c1', 'c2'], ['c1', 'add', 0], ['c2', 'add', 1], ['add', 'pool'], ['pool', 'logits']],
      [8, 8, 3],
    );
    await writeFile(join(dir(), 'residual.incept.json'), serializeDesign(residualOnRelu));
    const { code, err } = await runCli(dir(), ['export', 'residual.incept.json', '--format', 'tfjs', '--out', 'residual-tfjs']);
    expect(code).toBe(2);
    expect(err).toContain("Residual 'add' scales 'c2' by 0.5");
    expect(await readdir(dir())).not.toContain('residual-tfjs');
    expect(await runCli(dir(), ['export', 'residual.incept.json', '--format', 'onnx', '--out', 'residual.onnx'])).toMatchObject({ code: 0 });
  });
});
