import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { serializeDesign } from '../../design/document';
import { buildPreset } from '../../presets/index';
import { runCli } from '../testing/captureIo';
import { useTempDir } from '../../node/testing/tempDir';

const dir = useTempDir('summary');

function summary(...args: string[]): Promise<{ code: number; out: string; err: string }> {
  return runCli(dir(), ['summary', ...args]);
}

describe('summary', () => {
  it('prints a stage table and totals for a preset', async () => {
    const { code, out, err } = await summary('preset:inception-v4');
    expect(err).toBe('');
    expect(code).toBe(0);
    expect(out).toMatch(/^Inception-v4: input 299×299×3 → output 1000\n/);
    expect(out).toMatch(/^stem +Stem \(Inception-v4\) +35×35×384 /m);
    expect(out).toMatch(/^redB +Reduction-B \(Inception-v4\) +8×8×1536 /m);
    expect(out).toContain('Params:      42,742,984 (trainable 42,679,816, non-trainable 63,168)');
    expect(out).toContain('MACs:        12.25 G (12,253,974,624) per image');
    expect(out).not.toContain('Diagnostics');
  });

  it('prints one JSON object with --json', async () => {
    const { code, out } = await summary('preset:inception-resnet-v2-tfslim', '--json');
    expect(code).toBe(0);
    const json = JSON.parse(out) as Record<string, unknown>;
    expect(json).toMatchObject({
      input: [299, 299, 3],
      output: [1000],
      params: { trainable: 55_813_192, nonTrainable: 60_544, total: 55_873_736 },
      diagnostics: [],
    });
    expect(typeof json.macs).toBe('number');
    expect(typeof json.activationBytes).toBe('number');
    const stages = json.stages as { id: string }[];
    expect(stages[1]).toEqual({ id: 'stem', type: 'stemTfslim', label: 'Stem (IR-v2 TF-slim)', output: [35, 35, 192], params: expect.any(Number), trainable: expect.any(Number), macs: expect.any(Number) });
    expect(stages.map((stage) => stage.id).slice(-4)).toEqual(['conv7b', 'pool', 'logits', 'softmax']);
  });

  it('prints every layer grouped by block with --layers, and carries them in --json', async () => {
    const { code, out, err } = await summary('preset:inception-resnet-v2', '--layers');
    expect(err).toBe('');
    expect(code).toBe(0);
    expect(out).toMatch(/^Layer +Type +Output +Params +MACs +Connected to\n/m);
    expect(out).toMatch(/^stem · Stem \(Inception-v4\) → 35×35×384, 607,456 params\n {2}stem\/conv1 +Conv2D 32 3×3\/2 valid, BN, relu +149×149×32 +992 +19\.2 M +input$/m);
    expect(out).toMatch(/^ {2}a1\/add +Add ×0\.17, relu +35×35×384 +0 +0 +stem\/mixed5a\/concat, a1\/linear$/m);
    expect(out).toMatch(/^logits +Dense 1000 +1000 +2,145,000 +2\.1 M +dropout$/m);
    expect(out).toMatch(/^Params: +[\d,]+ \(trainable/m);

    const json = JSON.parse((await summary('preset:inception-resnet-v2', '--layers', '--json')).out) as { params: { total: number }; stages: unknown[]; layers: { id: string; node: string; kind: string; params: number; inputs: string[] }[] };
    expect(json.stages.length).toBeGreaterThan(10);
    expect(json.layers.reduce((sum, layer) => sum + layer.params, 0)).toBe(json.params.total);
    expect(json.layers[1]).toEqual({ id: 'stem/conv1', node: 'stem', kind: 'conv2d', type: 'Conv2D 32 3×3/2 valid, BN, relu', output: [149, 149, 32], params: 992, trainable: 928, macs: 19_181_664, activationBytes: 149 * 149 * 32 * 4, inputs: ['input'] });
    expect(JSON.parse((await summary('preset:inception-resnet-v2', '--json')).out)).not.toHaveProperty('layers');
  });

  it('applies --input, --classes and --param to presets', async () => {
    const { code, out } = await summary('preset:inception-resnet-v1', '--input', '96', '--classes', '10', '--param', 'repeats=1,1,1', '--param', 'width=0.5', '--json');
    expect(code).toBe(0);
    const json = JSON.parse(out) as { input: number[]; output: number[]; stages: { id: string; output: number[] }[] };
    expect(json.input).toEqual([96, 96, 3]);
    expect(json.output).toEqual([10]);
    expect(json.stages.find((stage) => stage.id === 'redB')?.output).toEqual([1, 1, 896]);
  });

  it('reads design files and overrides their input and classes', async () => {
    await writeFile(join(dir(), 'v1.incept.json'), serializeDesign(buildPreset('inception-resnet-v1', { repeats: [1, 1, 1] })));
    const { code, out } = await summary('v1.incept.json', '--input', '128', '--classes', '7', '--json');
    expect(code).toBe(0);
    expect(JSON.parse(out)).toMatchObject({ input: [128, 128, 3], output: [7] });
  });

  it('exits 1 and lists the diagnostics when the design has errors', async () => {
    const { code, out } = await summary('preset:inception-resnet-v2-as-printed');
    expect(code).toBe(1);
    expect(out).toContain('Diagnostics: 15 errors, 0 warnings');
    expect(out).toMatch(/error residual-shape-mismatch: In b1: .*1152 vs 1154 channels/);
  });

  it.each([
    [[], /Missing the design: a design file or preset:NAME/],
    [['missing.incept.json'], /Cannot read design file 'missing.incept.json': no such file/],
    [['inception-v4'], /no such file\. To use the preset, write preset:inception-v4/],
    [['preset:inception-v9'], /Unknown preset 'inception-v9'. Presets: inception-v4, /],
    [['preset:inception-v4', '--param', 'width=-1'], /--param width=-1: width must be a multiplier/],
    [['preset:inception-v4', '--param', 'scales=0.1,0.1,0.1'], /inception-v4 has no residual blocks/],
    [['preset:inception-v4', '--input', 'big'], /--input big: expected an integer between 1 and 4096/],
    [['preset:inception-v4', '--input', '96', '--param', 'input=128'], /--input and --param input=… both given/],
    [['preset:inception-v4', '--frobnicate'], /Unknown option '--frobnicate'/],
    [['preset:inception-v4', 'extra'], /unexpected argument 'extra'/],
  ])('exits 2 for %j', async (args, message) => {
    const { code, out, err } = await summary(...args);
    expect(code).toBe(2);
    expect(out).toBe('');
    expect(err).toMatch(/^summary: /);
    expect(err).toMatch(message);
  });

  it('exits 2 for a malformed file, naming line and column', async () => {
    await writeFile(join(dir(), 'broken.incept.json'), '{\n  "format": "inception-studio/design",\n  "version" 2\n}\n');
    const { code, err } = await summary('broken.incept.json');
    expect(code).toBe(2);
    expect(err).toBe(`summary: broken.incept.json: The design file is not valid JSON: unexpected "2", expected ':' at line 3, column 13.\n`);
  });

  it('exits 2 for --param or --classes a design file cannot take', async () => {
    await writeFile(join(dir(), 'plain.incept.json'), serializeDesign({ ...buildPreset('inception-v4'), nodes: [], edges: [] }));
    expect((await summary('plain.incept.json', '--param', 'width=0.5')).err).toMatch(/--param applies to presets \(preset:NAME\) only/);
    const noDense = await summary('plain.incept.json', '--classes', '3');
    expect(noDense.code).toBe(2);
    expect(noDense.err).toMatch(/--classes: plain.incept.json has no dense \(fully connected\) layer/);
  });
});
