import { describe, expect, it } from 'vitest';
import { analyze } from '../analysis/analyze';
import { chain } from '../analysis/testing/designs';
import { resolveParams } from '../design/resolveParams';
import type { ParamValues } from '../design/types';
import type { Conv2dParams, Layer } from '../layers/types';
import { blockOutputChannels } from './channels';
import { expandBlock } from './expand';
import { blockTemplates, getBlockTemplate } from './library';
import type { BlockTemplate } from './types';

function expand(type: string, params: ParamValues = {}, nodeId = 'b3'): { layers: Layer[]; output: string } {
  const template = getBlockTemplate(type);
  if (!template) throw new Error(`no template ${type}`);
  return expandBlock(template, nodeId, resolveParams(template, params).values, 'prev');
}

function conv(layers: readonly Layer[], id: string): Conv2dParams {
  const layer = layers.find((candidate) => candidate.id === id);
  if (layer?.kind !== 'conv2d') throw new Error(`${id} is not a conv layer`);
  return layer.params;
}

/** Output shape of one block node fed by an input of `[h, w, c]`, via the real analysis. */
function blockShape(type: string, input: readonly [number, number, number], params: ParamValues = {}): readonly number[] | undefined {
  const analysis = analyze(chain([['blk', type, params]], input));
  expect(analysis.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
  return analysis.nodes.blk.output;
}

describe('expandBlock', () => {
  it('names layers by node id and template path', () => {
    const { layers, output } = expand('inceptionA');
    expect(layers.map((layer) => layer.id)).toEqual([
      'b3/branch0/conv1',
      'b3/branch1/conv1',
      'b3/branch1/conv2',
      'b3/branch2/conv1',
      'b3/branch2/conv2',
      'b3/branch2/conv3',
      'b3/branch3/pool',
      'b3/branch3/conv1',
      'b3/concat',
    ]);
    expect(output).toBe('b3/concat');
    expect(layers.every((layer) => layer.nodeId === 'b3')).toBe(true);
    expect(layers.find((layer) => layer.id === 'b3/branch0/conv1')?.inputs).toEqual(['prev']);
    expect(layers.find((layer) => layer.id === 'b3/concat')?.inputs).toEqual([
      'b3/branch0/conv1',
      'b3/branch1/conv2',
      'b3/branch2/conv3',
      'b3/branch3/conv1',
    ]);
  });

  it('is deterministic and gives unique ids in every template', () => {
    for (const template of blockTemplates) {
      const first = expand(template.type);
      expect(expand(template.type)).toEqual(first);
      const ids = first.layers.map((layer) => layer.id);
      expect(new Set(ids).size, template.type).toBe(ids.length);
      expect(ids[ids.length - 1], template.type).toBe(first.output);
    }
  });

  it('names every layer by a path of non-empty names under the node id', () => {
    for (const template of blockTemplates) {
      for (const { id } of expand(template.type, {}, 'n7').layers) expect(id, template.type).toMatch(/^n7(\/[A-Za-z0-9]+)+$/);
    }
  });

  it('refuses parameter values of the wrong type, naming the block and the parameter', () => {
    const block8 = getBlockTemplate('block8');
    if (!block8) throw new Error('no block8');
    const values = resolveParams(block8, {}).values;
    expect(() => expandBlock(block8, 'c', { ...values, width: '2' }, 'prev')).toThrow(`block parameter 'width' must be a number, got "2"`);
    expect(() => expandBlock(block8, 'c', { ...values, channels: true }, 'prev')).toThrow(`block parameter 'channels' must be a number, got true`);
    expect(() => expandBlock(block8, 'c', { ...values, scale: 'big' }, 'prev')).toThrow(`block 'block8': residual scale must be a number`);
    expect(() => expandBlock(block8, 'c', { ...values, activation: 0 }, 'prev')).toThrow(`block 'block8': residual activation must be a name`);
  });

  it('gives traditional convs BN + ReLU without bias, and the linear 1×1 a bias without BN', () => {
    const { layers } = expand('inceptionResnetAV2', { bnGamma: false });
    expect(conv(layers, 'b3/branch2/conv3')).toEqual({
      filters: 64,
      kernel: [3, 3],
      strides: [1, 1],
      padding: 'same',
      activation: 'relu',
      batchNorm: true,
      bnGamma: false,
      bias: false,
    });
    expect(conv(layers, 'b3/linear')).toEqual({
      filters: 384,
      kernel: [1, 1],
      strides: [1, 1],
      padding: 'same',
      activation: 'linear',
      batchNorm: false,
      bnGamma: false,
      bias: true,
    });
    expect(conv(expand('inceptionResnetAV2', { bnGamma: true }).layers, 'b3/branch0/conv1').bnGamma).toBe(true);
  });

  it('ends a residual block in residualAdd(shortcut, linear) with its scale and activation', () => {
    const { layers, output } = expand('block8', { scale: 1, activation: 'linear' }, 'c10');
    const add = layers[layers.length - 1];
    expect(output).toBe('c10/add');
    expect(add).toMatchObject({ id: 'c10/add', kind: 'residualAdd', inputs: ['prev', 'c10/linear'], params: { scale: 1, activation: 'linear' } });
    expect(expand('inceptionResnetBV1').layers.at(-1)).toMatchObject({ params: { scale: 0.1, activation: 'relu' } });
  });

  it('takes a residual scale and activation given as literals in the template, not only as named parameters', () => {
    const template: BlockTemplate = {
      type: 'fixedResidual',
      label: 'Fixed residual',
      category: 'Residual blocks',
      description: 'A residual block whose scale and activation are part of the template.',
      source: 'test',
      params: [],
      inputs: { min: 1, max: 1 },
      body: { op: 'residual', name: 'add', body: { op: 'conv', name: 'linear', filters: 8, kernel: [1, 1], linear: true }, scale: 0.5, activation: 'linear' },
    };
    const { layers } = expandBlock(template, 'r', {}, 'prev');
    expect(layers.map((layer) => layer.id)).toEqual(['r/linear', 'r/add']);
    expect(layers[1]).toMatchObject({ kind: 'residualAdd', inputs: ['prev', 'r/linear'], params: { scale: 0.5, activation: 'linear' } });
  });

  it('makes the Inception pool branch a 3×3 stride-1 SAME average pool', () => {
    const pool = expand('inceptionB').layers.find((layer) => layer.id === 'b3/branch3/pool');
    expect(pool).toMatchObject({ kind: 'avgPool', params: { pool: [3, 3], strides: [1, 1], padding: 'same' } });
  });

  it('scales literal widths by `width` and leaves named widths absolute', () => {
    const { layers } = expand('reductionA', { width: 0.25, k: 10, l: 11, m: 12, n: 13 });
    expect(conv(layers, 'b3/branch0/conv1').filters).toBe(13);
    expect(conv(layers, 'b3/branch1/conv1').filters).toBe(10);
    const a = expand('inceptionA', { width: 0.1 }).layers;
    expect(conv(a, 'b3/branch0/conv1').filters).toBe(10); // round(9.6)
    expect(conv(expand('inceptionResnetAV2', { width: 0.01 }).layers, 'b3/branch0/conv1').filters).toBe(1); // round(0.32) → at least 1
  });

  it('follows TF-slim for the factorised pairs the figures print differently (spec D8-D11)', () => {
    expect(conv(expand('stemV4').layers, 'b3/mixed4a/branch1/conv2').kernel).toEqual([1, 7]);
    expect(conv(expand('inceptionB').layers, 'b3/branch1/conv3').kernel).toEqual([7, 1]);
    expect(conv(expand('inceptionB').layers, 'b3/branch2/conv2').kernel).toEqual([7, 1]);
    expect(conv(expand('inceptionC').layers, 'b3/branch2/conv2').kernel).toEqual([3, 1]);
    expect(conv(expand('stemV4').layers, 'b3/mixed5a/branch0/conv1').strides).toEqual([2, 2]);
  });
});

describe('block shapes (spec sections 2-5)', () => {
  const cases: [string, readonly [number, number, number], readonly number[], ParamValues?][] = [
    ['stemV4', [299, 299, 3], [35, 35, 384]],
    ['stemResnetV1', [299, 299, 3], [35, 35, 256]],
    ['stemTfslim', [299, 299, 3], [35, 35, 192]],
    ['inceptionA', [35, 35, 384], [35, 35, 384]],
    ['reductionA', [35, 35, 384], [17, 17, 1024]],
    ['inceptionB', [17, 17, 1024], [17, 17, 1024]],
    ['reductionBV4', [17, 17, 1024], [8, 8, 1536]],
    ['inceptionC', [8, 8, 1536], [8, 8, 1536]],
    ['inceptionResnetAV1', [35, 35, 256], [35, 35, 256]],
    ['reductionA', [35, 35, 256], [17, 17, 896], { k: 192, l: 192, m: 256, n: 384 }],
    ['inceptionResnetBV1', [17, 17, 896], [17, 17, 896]],
    ['reductionBResnetV1', [17, 17, 896], [8, 8, 1792]],
    ['inceptionResnetCV1', [8, 8, 1792], [8, 8, 1792]],
    ['inceptionResnetAV2', [35, 35, 384], [35, 35, 384]],
    ['reductionA', [35, 35, 384], [17, 17, 1152], { k: 256, l: 256, m: 384, n: 384 }],
    ['inceptionResnetBV2', [17, 17, 1152], [17, 17, 1152]],
    ['reductionBResnetV2', [17, 17, 1152], [8, 8, 2144]],
    ['inceptionResnetCV2', [8, 8, 2144], [8, 8, 2144]],
    ['mixed5b', [35, 35, 192], [35, 35, 320]],
    ['block35', [35, 35, 320], [35, 35, 320]],
    ['reductionA', [35, 35, 320], [17, 17, 1088], { k: 256, l: 256, m: 384, n: 384 }],
    ['block17', [17, 17, 1088], [17, 17, 1088]],
    ['reductionBResnetV2', [17, 17, 1088], [8, 8, 2080]],
    ['block8', [8, 8, 2080], [8, 8, 2080]],
    ['conv7b', [8, 8, 2080], [8, 8, 1536]],
  ];

  it.each(cases)('%s on %j gives %j', (type, input, output, params = {}) => {
    expect(blockShape(type, input, params)).toEqual(output);
  });

  it('covers every template', () => {
    expect(new Set(cases.map(([type]) => type))).toEqual(new Set(blockTemplates.map((t) => t.type)));
  });

  it('agrees with blockOutputChannels at width 0.3', () => {
    for (const [type, input, , params = {}] of cases) {
      const template = getBlockTemplate(type);
      if (!template) throw new Error(type);
      const withWidth = { ...params, width: 0.3 };
      const channels = blockOutputChannels(template, resolveParams(template, withWidth).values, input[2]);
      const residual = template.params.some((spec) => spec.name === 'channels');
      const analysis = analyze(chain([['blk', type, residual ? { ...withWidth, channels: input[2] } : withWidth]], input));
      expect(analysis.nodes.blk.output?.[2], type).toBe(channels);
    }
  });
});
