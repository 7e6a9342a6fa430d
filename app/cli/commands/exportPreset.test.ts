import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseDesign } from '../../design/document';
import { buildPreset } from '../../presets/index';
import { runCli } from '../testing/captureIo';
import { useTempDir } from '../../node/testing/tempDir';

const dir = useTempDir('export');

function exportPreset(...args: string[]): Promise<{ code: number; out: string; err: string }> {
  return runCli(dir(), ['export-preset', ...args]);
}

describe('export-preset', () => {
  it('writes the preset as a design file that opens as the same document', async () => {
    const { code, out } = await exportPreset('inception-resnet-v2-tfslim', 'slim.incept.json', '--classes', '10', '--param', 'bnGamma=true');
    expect(code).toBe(0);
    expect(out).toMatch(/^Wrote Inception-ResNet-v2 \(TF-slim\) \(\d+ nodes\) to .*slim\.incept\.json\n$/);
    const parsed = parseDesign(await readFile(join(dir(), 'slim.incept.json'), 'utf8'));
    expect(parsed).toEqual({ ok: true, value: { document: buildPreset('inception-resnet-v2-tfslim', { classes: 10, bnGamma: true }) } });
  });

  it('accepts the preset: prefix, overwrites atomically and leaves no temp files', async () => {
    expect((await exportPreset('preset:inception-v4', 'v4.incept.json')).code).toBe(0);
    expect((await exportPreset('inception-v4', 'v4.incept.json', '--input', '160')).code).toBe(0);
    const parsed = parseDesign(await readFile(join(dir(), 'v4.incept.json'), 'utf8'));
    expect(parsed.ok && parsed.value.document.input.height).toBe(160);
    expect((await readdir(dir())).filter((name) => name.endsWith('.tmp'))).toEqual([]);
  });

  it.each([
    [[], /Missing the design/],
    [['inception-v4'], /missing the output file/],
    [['inception-v4', 'a.json', 'b.json'], /unexpected argument 'b.json'/],
    [['resnet-50', 'x.incept.json'], /Unknown preset 'resnet-50'/],
    [['inception-v4', 'x.incept.json', '--param', 'repeats=1'], /--param repeats=1: repeats must be three/],
    [['inception-v4', 'no/such/dir/x.incept.json'], /cannot write 'no\/such\/dir\/x.incept.json'/],
  ])('exits 2 for %j', async (args, message) => {
    const { code, err } = await exportPreset(...args);
    expect(code).toBe(2);
    expect(err).toMatch(/^export-preset: /);
    expect(err).toMatch(message);
  });
});
