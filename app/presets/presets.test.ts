import { describe, expect, it } from 'vitest';
import { analyze } from '../analysis/analyze';
import type { Analysis } from '../analysis/types';
import { parseDesign, serializeDesign } from '../design/document';
import { buildPreset, presets, PresetOptionError } from './index';
import type { PresetOptions } from './index';

function run(name: string, options: PresetOptions = {}): Analysis {
  return analyze(buildPreset(name, options));
}

function errors(analysis: Analysis): Analysis['diagnostics'] {
  return analysis.diagnostics.filter((d) => d.severity === 'error');
}

/** Output shape of every node whose id starts with `prefix` followed by a number. */
function repeated(analysis: Analysis, prefix: string): (readonly number[] | undefined)[] {
  return analysis.order.filter((id) => new RegExp(`^${prefix}\\d+$`).test(id)).map((id) => analysis.nodes[id].output);
}

describe('published sizes (spec section 10)', () => {
  it('Inception-v4, 1000 classes: 42,679,816 trainable + 63,168 non-trainable', () => {
    const { totals } = run('inception-v4');
    expect(totals).toMatchObject({ trainable: 42_679_816, nonTrainable: 63_168 });
    expect(totals.macs / 1e9).toBeCloseTo(12.25, 2);
  });

  it('IR-v2 TF-slim as Keras: 55,813,192 trainable + 60,544 non-trainable = 55,873,736', () => {
    const { totals } = run('inception-resnet-v2-tfslim');
    expect(totals).toMatchObject({ trainable: 55_813_192, nonTrainable: 60_544, total: 55_873_736 });
    expect(totals.macs / 1e9).toBeCloseTo(13.16, 2);
  });

  it('IR-v2 TF-slim with BN gamma as timm: 55,843,464 trainable', () => {
    expect(run('inception-resnet-v2-tfslim', { bnGamma: true }).totals.trainable).toBe(55_843_464);
  });
});

/**
 * Parameters counted by hand from the paper's figures (never from the presets): a conv with BN
 * and gamma has k_h·k_w·C_in·C_out weights, 2·C_out trainable BN and 2·C_out moving statistics;
 * the linear 1×1 before a residual addition has a bias and no BN.
 */
class HandCount {
  trainable = 0;
  nonTrainable = 0;
  conv(kernel: number | [number, number], cin: number, cout: number): number {
    const [kh, kw] = typeof kernel === 'number' ? [kernel, kernel] : kernel;
    this.trainable += kh * kw * cin * cout + 2 * cout;
    this.nonTrainable += 2 * cout;
    return cout;
  }
  linear(cin: number, cout: number): number {
    this.trainable += cin * cout + cout;
    return cout;
  }
}

/** Inception-ResNet-v1 at 1000 classes: Figs 14 (stem), 10, 7 (k, l, m, n = 192, 192, 256, 384), 11, 12, 13; 5/10/5 blocks. */
function inceptionResnetV1ByHand(): { trainable: number; nonTrainable: number } {
  const n = new HandCount();
  let c = n.conv(3, 3, 32);
  c = n.conv(3, c, 32);
  c = n.conv(3, c, 64);
  c = n.conv(1, c, 80); // after the 3×3/2 max pool
  c = n.conv(3, c, 192);
  c = n.conv(3, c, 256);
  for (let i = 0; i < 5; i++) {
    const concat = n.conv(1, c, 32) + n.conv(3, n.conv(1, c, 32), 32) + n.conv(3, n.conv(3, n.conv(1, c, 32), 32), 32);
    n.linear(concat, c);
  }
  c = c + n.conv(3, c, 384) + n.conv(3, n.conv(3, n.conv(1, c, 192), 192), 256);
  for (let i = 0; i < 10; i++) n.linear(n.conv(1, c, 128) + n.conv([7, 1], n.conv([1, 7], n.conv(1, c, 128), 128), 128), c);
  c = c + n.conv(3, n.conv(1, c, 256), 384) + n.conv(3, n.conv(1, c, 256), 256) + n.conv(3, n.conv(3, n.conv(1, c, 256), 256), 256);
  for (let i = 0; i < 5; i++) n.linear(n.conv(1, c, 192) + n.conv([3, 1], n.conv([1, 3], n.conv(1, c, 192), 192), 192), c);
  n.linear(c, 1000); // the dense head: weights and bias
  return { trainable: n.trainable, nonTrainable: n.nonTrainable };
}

/** Inception-ResNet-v2 (paper, corrected) at 1000 classes: Figs 3 (the v4 stem), 16, 7 (256, 256, 384, 384), 17, 18, 19 with 1152 and 2144. */
function inceptionResnetV2PaperByHand(): { trainable: number; nonTrainable: number } {
  const n = new HandCount();
  let c = n.conv(3, n.conv(3, n.conv(3, 3, 32), 32), 64);
  c = c + n.conv(3, c, 96);
  c = n.conv(3, n.conv(1, c, 64), 96) + n.conv(3, n.conv([7, 1], n.conv([1, 7], n.conv(1, c, 64), 64), 64), 96);
  c = n.conv(3, c, 192) + c;
  for (let i = 0; i < 5; i++) n.linear(n.conv(1, c, 32) + n.conv(3, n.conv(1, c, 32), 32) + n.conv(3, n.conv(3, n.conv(1, c, 32), 48), 64), c);
  c = c + n.conv(3, c, 384) + n.conv(3, n.conv(3, n.conv(1, c, 256), 256), 384);
  for (let i = 0; i < 10; i++) n.linear(n.conv(1, c, 192) + n.conv([7, 1], n.conv([1, 7], n.conv(1, c, 128), 160), 192), c);
  c = c + n.conv(3, n.conv(1, c, 256), 384) + n.conv(3, n.conv(1, c, 256), 288) + n.conv(3, n.conv(3, n.conv(1, c, 256), 288), 320);
  for (let i = 0; i < 5; i++) n.linear(n.conv(1, c, 192) + n.conv([3, 1], n.conv([1, 3], n.conv(1, c, 192), 224), 256), c);
  n.linear(c, 1000);
  return { trainable: n.trainable, nonTrainable: n.nonTrainable };
}

describe('parameter totals of the presets without a published size, counted by hand', () => {
  it('Inception-ResNet-v1, 1000 classes', () => {
    const byHand = inceptionResnetV1ByHand();
    expect(run('inception-resnet-v1').totals).toMatchObject({ ...byHand, total: byHand.trainable + byHand.nonTrainable });
  });

  it('Inception-ResNet-v2 (paper, corrected), 1000 classes', () => {
    const byHand = inceptionResnetV2PaperByHand();
    expect(run('inception-resnet-v2').totals).toMatchObject({ ...byHand, total: byHand.trainable + byHand.nonTrainable });
  });
});

describe('grids and channels after every stage at 299 (spec section 6)', () => {
  const stem = (analysis: Analysis, layers: string[]): (readonly number[] | undefined)[] =>
    layers.map((id) => analysis.layers[`stem/${id}`]?.output);

  it('Inception-v4', () => {
    const a = run('inception-v4');
    expect(errors(a)).toEqual([]);
    expect(stem(a, ['conv1', 'conv2', 'conv3', 'mixed3a/concat', 'mixed4a/concat'])).toEqual([
      [149, 149, 32],
      [147, 147, 32],
      [147, 147, 64],
      [73, 73, 160],
      [71, 71, 192],
    ]);
    expect(a.nodes.stem.output).toEqual([35, 35, 384]);
    expect(repeated(a, 'a')).toEqual(Array(4).fill([35, 35, 384]));
    expect(a.nodes.redA.output).toEqual([17, 17, 1024]);
    expect(repeated(a, 'b')).toEqual(Array(7).fill([17, 17, 1024]));
    expect(a.nodes.redB.output).toEqual([8, 8, 1536]);
    expect(repeated(a, 'c')).toEqual(Array(3).fill([8, 8, 1536]));
    expect(a.nodes.pool.output).toEqual([1536]);
    expect(a.output).toEqual([1000]);
  });

  it('Inception-ResNet-v1', () => {
    const a = run('inception-resnet-v1');
    expect(errors(a)).toEqual([]);
    expect(stem(a, ['conv3', 'pool', 'conv4', 'conv5'])).toEqual([
      [147, 147, 64],
      [73, 73, 64],
      [73, 73, 80],
      [71, 71, 192],
    ]);
    expect(a.nodes.stem.output).toEqual([35, 35, 256]);
    expect(repeated(a, 'a')).toEqual(Array(5).fill([35, 35, 256]));
    expect(a.nodes.redA.output).toEqual([17, 17, 896]);
    expect(repeated(a, 'b')).toEqual(Array(10).fill([17, 17, 896]));
    expect(a.nodes.redB.output).toEqual([8, 8, 1792]);
    expect(repeated(a, 'c')).toEqual(Array(5).fill([8, 8, 1792]));
    expect(a.nodes.pool.output).toEqual([1792]);
  });

  it('Inception-ResNet-v2 (paper, corrected)', () => {
    const a = run('inception-resnet-v2');
    expect(errors(a)).toEqual([]);
    expect(stem(a, ['mixed3a/concat', 'mixed4a/concat'])).toEqual([
      [73, 73, 160],
      [71, 71, 192],
    ]);
    expect(repeated(a, 'a')).toEqual(Array(5).fill([35, 35, 384]));
    expect(a.nodes.redA.output).toEqual([17, 17, 1152]);
    expect(repeated(a, 'b')).toEqual(Array(10).fill([17, 17, 1152]));
    expect(a.nodes.redB.output).toEqual([8, 8, 2144]);
    expect(repeated(a, 'c')).toEqual(Array(5).fill([8, 8, 2144]));
    expect(a.nodes.pool.output).toEqual([2144]);
  });

  it('Inception-ResNet-v2 (TF-slim)', () => {
    const a = run('inception-resnet-v2-tfslim');
    expect(errors(a)).toEqual([]);
    expect(stem(a, ['pool1', 'conv4', 'conv5'])).toEqual([
      [73, 73, 64],
      [73, 73, 80],
      [71, 71, 192],
    ]);
    expect(a.nodes.stem.output).toEqual([35, 35, 192]);
    expect(a.nodes.mixed5b.output).toEqual([35, 35, 320]);
    expect(repeated(a, 'a')).toEqual(Array(10).fill([35, 35, 320]));
    expect(a.nodes.redA.output).toEqual([17, 17, 1088]);
    expect(repeated(a, 'b')).toEqual(Array(20).fill([17, 17, 1088]));
    expect(a.nodes.redB.output).toEqual([8, 8, 2080]);
    expect(repeated(a, 'c')).toEqual(Array(10).fill([8, 8, 2080]));
    expect(a.nodes.conv7b.output).toEqual([8, 8, 1536]);
    expect(a.nodes.pool.output).toEqual([1536]);
  });
});

describe('minimum input', () => {
  it.each(presets.map((p) => p.name))('%s is valid at 75×75; at 74×74 the first collapsing layer is named', (name) => {
    const at75 = run(name, { input: 75 });
    expect(at75.diagnostics.filter((d) => d.code === 'grid-collapsed')).toEqual([]);
    expect(at75.nodes.redB.output?.slice(0, 2)).toEqual([1, 1]);
    const collapsed = run(name, { input: 74 }).diagnostics.filter((d) => d.code === 'grid-collapsed');
    expect(collapsed).toHaveLength(1);
    expect(collapsed[0]).toMatchObject({ severity: 'error', nodes: ['redB'], layer: 'redB/branch0/conv2' });
    expect(collapsed[0].hint).toContain('75×75');
  });

  it('leaves only the as-printed residual errors at 75×75', () => {
    for (const { name } of presets) {
      const codes = new Set(errors(run(name, { input: 75 })).map((d) => d.code));
      expect([...codes], name).toEqual(name === 'inception-resnet-v2-as-printed' ? ['residual-shape-mismatch'] : []);
    }
  });
});

describe('inception-resnet-v2-as-printed', () => {
  const analysis = run('inception-resnet-v2-as-printed');
  const mismatches = analysis.diagnostics.filter((d) => d.code === 'residual-shape-mismatch');

  it('flags 1154 vs 1152 at every Inception-ResNet-B block and 2048 vs 2144 at every C block', () => {
    expect(mismatches.map((d) => d.nodes[0])).toEqual([...Array.from({ length: 10 }, (_, i) => `b${i + 1}`), ...Array.from({ length: 5 }, (_, i) => `c${i + 1}`)]);
    for (const d of mismatches.slice(0, 10)) expect(d.message).toMatch(/1152 vs 1154/);
    for (const d of mismatches.slice(10)) expect(d.message).toMatch(/2144 vs 2048/);
    expect(mismatches[0].layer).toBe('b1/add');
    expect(mismatches[10].layer).toBe('c1/add');
    expect(analysis.diagnostics).toHaveLength(15);
  });

  it('keeps the printed widths under a width multiplier: round(1154 × 0.5) = 577 against 576, round(2048 × 0.5) = 1024 against 1072', () => {
    const halved = run('inception-resnet-v2-as-printed', { width: 0.5, repeats: [1, 1, 1] }).diagnostics.filter((d) => d.code === 'residual-shape-mismatch');
    expect(halved.map((d) => [d.nodes[0], d.message.match(/\d+ vs \d+/)?.[0]])).toEqual([
      ['b1', '576 vs 577'],
      ['c1', '1072 vs 1024'],
    ]);
  });

  it('records what is printed in its notes', () => {
    const notes = buildPreset('inception-resnet-v2-as-printed').notes.join('\n');
    expect(notes).toContain('1154');
    expect(notes).toContain('2048');
  });
});

describe('the corrected inception-resnet-v2 records its corrections', () => {
  it('notes 1154 → 1152 and 2048 → 2144', () => {
    const doc = buildPreset('inception-resnet-v2');
    expect(doc.notes.filter((note) => note.startsWith('Corrected:'))).toHaveLength(2);
    expect(doc.nodes.find((n) => n.id === 'b1')?.params.channels).toBe(1152);
    expect(doc.nodes.find((n) => n.id === 'c1')?.params.channels).toBe(2144);
  });
});

describe('preset documents', () => {
  it.each(presets.map((p) => p.name))('%s is an ordinary design that round-trips through the file format', (name) => {
    const doc = buildPreset(name);
    const parsed = parseDesign(serializeDesign(doc));
    expect(parsed).toEqual({ ok: true, value: { document: doc } });
    expect(doc.nodes[0]).toMatchObject({ id: 'input', type: 'input' });
    expect(doc.nodes[1].id).toBe('stem');
    const ys = doc.nodes.map((node) => node.position.y);
    expect(ys).toEqual([...ys].sort((p, q) => p - q));
    expect(doc.edges).toHaveLength(doc.nodes.length - 1);
  });

  it('uses paper defaults: BN gamma and dropout 0.2 for the paper presets, neither for TF-slim', () => {
    const v4 = buildPreset('inception-v4');
    expect(v4.nodes.find((n) => n.id === 'dropout')?.params).toEqual({ rate: 0.2 });
    expect(v4.nodes.find((n) => n.id === 'a1')?.params.bnGamma).toBe(true);
    const slim = buildPreset('inception-resnet-v2-tfslim');
    expect(slim.nodes.some((n) => n.type === 'dropout')).toBe(false);
    expect(slim.nodes.find((n) => n.id === 'a1')?.params.bnGamma).toBe(false);
    expect(slim.nodes.slice(-4).map((n) => n.type)).toEqual(['conv7b', 'globalAvgPool', 'dense', 'softmax']);
  });

  it('runs the last TF-slim Block8 unscaled and without ReLU', () => {
    const doc = buildPreset('inception-resnet-v2-tfslim');
    expect(doc.nodes.find((n) => n.id === 'c9')?.params).toMatchObject({ scale: 0.2 });
    expect(doc.nodes.find((n) => n.id === 'c10')?.params).toMatchObject({ scale: 1, activation: 'linear' });
    expect(doc.nodes.some((n) => n.id === 'c11')).toBe(false);
  });

  it('applies scales to the TF-slim blocks but keeps the last Block8 at 1', () => {
    const doc = buildPreset('inception-resnet-v2-tfslim', { repeats: [1, 1, 2], scales: [0.3, 0.25, 0.15] });
    const scale = (id: string) => doc.nodes.find((n) => n.id === id)?.params.scale;
    expect(['a1', 'b1', 'c1', 'c2'].map(scale)).toEqual([0.3, 0.25, 0.15, 1]);
  });

  it('applies classes, input, dropout, repeats and scales', () => {
    const doc = buildPreset('inception-resnet-v1', { classes: 10, input: 160, dropout: 0, repeats: [1, 2, 1], scales: [0.3, 0.2, 0.1] });
    expect(doc.input).toEqual({ height: 160, width: 160, channels: 3 });
    expect(doc.nodes.map((n) => n.id)).toEqual(['input', 'stem', 'a1', 'redA', 'b1', 'b2', 'redB', 'c1', 'pool', 'logits', 'softmax']);
    expect(doc.nodes.find((n) => n.id === 'logits')?.params).toEqual({ units: 10 });
    expect(doc.nodes.find((n) => n.id === 'b2')?.params.scale).toBe(0.2);
    expect(analyze(doc).output).toEqual([10]);
  });

  it.each(presets.map((p) => p.name).filter((name) => !name.endsWith('as-printed')))('%s stays consistent at width 0.25', (name) => {
    const analysis = run(name, { width: 0.25 });
    expect(analysis.diagnostics).toEqual([]);
    const full = run(name).totals.total;
    expect(analysis.totals.total).toBeLessThan(full / 8);
  });

  it('refuses scales for Inception-v4 and unknown presets', () => {
    expect(() => buildPreset('inception-v4', { scales: [0.1, 0.1, 0.1] })).toThrow(PresetOptionError);
    expect(() => buildPreset('inception-v5')).toThrow(/Unknown preset 'inception-v5'/);
  });

  it('lists every preset with a one-line note and a reference', () => {
    expect(presets.map((p) => p.name)).toEqual([
      'inception-v4',
      'inception-resnet-v1',
      'inception-resnet-v2',
      'inception-resnet-v2-as-printed',
      'inception-resnet-v2-tfslim',
    ]);
    for (const preset of presets) {
      expect(preset.note).not.toContain('\n');
      expect(preset.reference.length).toBeGreaterThan(0);
    }
  });
});
