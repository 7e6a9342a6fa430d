import { readdir, writeFile } from 'node:fs/promises';
import { describe, expect, it } from 'vitest';
import { useTempDir } from '../../node/testing/tempDir';
import { runCli } from '../testing/captureIo';
import { SAMPLE_IMAGES } from '../../engine/testing/samples';

const dir = useTempDir('import-cli');
const small = ['preset:inception-resnet-v2', '--input', '75', '--param', 'width=0.125', '--param', 'repeats=1,1,1', '--classes', '3'];

describe('import', () => {
  it('brings a PyTorch export folder back as a model directory that predicts as the design did', async () => {
    expect(await runCli(dir(), ['export', ...small, '--seed', '5', '--format', 'pytorch', '--out', 'exported'])).toMatchObject({ code: 0 });
    const imported = await runCli(dir(), ['import', 'exported', '--out', 'model']);
    expect(imported).toMatchObject({ code: 0, err: '', out: expect.stringMatching(/^Imported Inception-ResNet-v2 \(\d+ tensors, 3 classes\) into .*model\n$/) });
    const image = SAMPLE_IMAGES.jpeg;
    const fromDesign = await runCli(dir(), ['predict', ...small, '--seed', '5', image, '--json']);
    const fromImport = await runCli(dir(), ['predict', 'model', image, '--json']);
    const top = (out: string) => (JSON.parse(out) as { predictions: { top: { classIndex: number; probability: number }[] }[] }).predictions[0].top;
    const [a, b] = [top(fromDesign.out), top(fromImport.out)];
    expect(b.map((t) => t.classIndex)).toEqual(a.map((t) => t.classIndex));
    b.forEach((t, i) => expect(t.probability).toBeCloseTo(a[i].probability, 5));
  }, 120_000);

  it('brings an exported .onnx back as a model directory that predicts as the design did', async () => {
    expect(await runCli(dir(), ['export', ...small, '--seed', '9', '--format', 'onnx', '--out', 'net.onnx'])).toMatchObject({ code: 0 });
    expect(await runCli(dir(), ['import', 'net.onnx', '--out', 'from-onnx'])).toMatchObject({ code: 0, err: '', out: expect.stringMatching(/^Imported Inception-ResNet-v2 \(\d+ tensors, 3 classes\) into .*from-onnx\n$/) });
    const image = SAMPLE_IMAGES.jpeg;
    const fromDesign = await runCli(dir(), ['predict', ...small, '--seed', '9', image, '--json']);
    const fromImport = await runCli(dir(), ['predict', 'from-onnx', image, '--json']);
    const top = (out: string) => (JSON.parse(out) as { predictions: { top: { classIndex: number; probability: number }[] }[] }).predictions[0].top;
    expect(top(fromImport.out)).toEqual(top(fromDesign.out));
  }, 120_000);

  it('refuses bad input with exit 2 and writes nothing', async () => {
    expect(await runCli(dir(), ['import', 'exported'])).toMatchObject({ code: 2, err: 'import: Missing --out: the model directory to write.\n' });
    expect(await runCli(dir(), ['import', 'nowhere', '--out', 'x'])).toMatchObject({ code: 2, err: expect.stringContaining('nowhere: no such file or folder') });
    expect(await runCli(dir(), ['import', '.', '--out', 'x'])).toMatchObject({ code: 2, err: expect.stringContaining('neither a train.py run folder') });
    await writeFile(`${dir()}/cut.onnx`, Uint8Array.of(0x08, 0x07, 0x3a, 0x40, 0x01));
    expect(await runCli(dir(), ['import', 'cut.onnx', '--out', 'x'])).toMatchObject({ code: 2, err: expect.stringMatching(/cut\.onnx: not a readable ONNX model: the data ends inside field 7 at byte 4: 64 bytes announced, 1 left \(truncated\?\)/) });
    expect(await readdir(dir())).not.toContain('x');
  });
});
