import { describe, expect, it } from 'vitest';
import { resolveParams } from '../design/resolveParams';
import { layerDefinitions } from './registry';
import { conv2dParams } from './testing/conv2dParams';
import type { LayerKind } from './types';

describe('layerDefinitions', () => {
  it('declares each kind under its own name with defaults that resolve cleanly', () => {
    for (const [kind, definition] of Object.entries(layerDefinitions)) {
      expect(definition.info.type).toBe(kind);
      expect(resolveParams(definition.info, {}).issues).toEqual([]);
    }
  });

  it('defaults to the layers Inception uses most: same 3×3 conv with BN (no gamma) and ReLU, 3×3/2 valid max pool, 3×3/1 same average pool', () => {
    const defaults = Object.fromEntries(Object.entries(layerDefinitions).map(([kind, definition]) => [kind, definition.toParams(resolveParams(definition.info, {}).values as never)]));
    expect(defaults).toEqual({
      input: {},
      conv2d: { filters: 64, kernel: [3, 3], strides: [1, 1], padding: 'same', activation: 'relu', batchNorm: true, bnGamma: false, bias: false },
      maxPool: { pool: [3, 3], strides: [2, 2], padding: 'valid' },
      avgPool: { pool: [3, 3], strides: [1, 1], padding: 'same' },
      concat: {},
      residualAdd: { scale: 1, activation: 'relu' },
      activation: { fn: 'relu' },
      dropout: { rate: 0.2 },
      globalAvgPool: {},
      flatten: {},
      dense: { units: 1000, activation: 'linear', bias: true },
      softmax: {},
    });
  });

  it('files the head layers under Heads and the rest under Layers', () => {
    const heads = (Object.keys(layerDefinitions) as LayerKind[]).filter((kind) => layerDefinitions[kind].info.category === 'Heads');
    expect(heads.sort()).toEqual(['dense', 'dropout', 'flatten', 'globalAvgPool', 'softmax']);
  });

  it('gives each kind its number of input ports: none for the input, two or more for concatenation, exactly two for a residual addition', () => {
    const ports = Object.fromEntries(Object.entries(layerDefinitions).map(([kind, definition]) => [kind, definition.info.inputs]));
    const one = { min: 1, max: 1 };
    expect(ports).toEqual({
      input: { min: 0, max: 0 },
      conv2d: one,
      maxPool: one,
      avgPool: one,
      concat: { min: 2, max: null },
      residualAdd: { min: 2, max: 2 },
      activation: one,
      dropout: one,
      globalAvgPool: one,
      flatten: one,
      dense: one,
      softmax: one,
    });
  });

  it('gives the palette and inspector words for every kind and parameter: distinct labels, a description, a help line', () => {
    const definitions = Object.values(layerDefinitions);
    const labels = definitions.map((definition) => definition.info.label);
    expect(new Set(labels).size).toBe(labels.length);
    for (const { info } of definitions) {
      expect(info.label, info.type).not.toBe('');
      expect(info.description, info.type).not.toBe('');
      for (const spec of info.params) {
        expect(spec.label, `${info.type}.${spec.name}`).not.toBe('');
        expect(spec.help, `${info.type}.${spec.name}`).not.toBe('');
      }
    }
  });

  it('offers every activation the engines implement, and both paddings', () => {
    const options = (kind: LayerKind, name: string) => {
      const spec = layerDefinitions[kind].info.params.find((candidate) => candidate.name === name);
      return spec?.kind === 'enum' ? spec.options : undefined;
    };
    const activations = ['relu', 'linear', 'sigmoid', 'tanh', 'softmax'];
    expect(options('conv2d', 'activation')).toEqual(activations);
    expect(options('dense', 'activation')).toEqual(activations);
    expect(options('activation', 'fn')).toEqual(activations);
    expect(options('residualAdd', 'activation')).toEqual(activations);
    expect(options('conv2d', 'padding')).toEqual(['valid', 'same']);
    expect(options('maxPool', 'padding')).toEqual(['valid', 'same']);
  });

  it('types resolved values into layer params', () => {
    const { values } = resolveParams(layerDefinitions.conv2d.info, { filters: 96, kernel: [1, 7] });
    expect(layerDefinitions.conv2d.toParams(values)).toEqual(conv2dParams({ filters: 96, kernel: [1, 7], strides: [1, 1], padding: 'same' }));
  });
});

describe('conv2d cost', () => {
  const cost = layerDefinitions.conv2d.cost;

  it('counts kh·kw·Cin·Cout weights, BN beta and moving statistics, Ho·Wo·kh·kw·Cin·Cout MACs', () => {
    expect(cost([[299, 299, 3]], [149, 149, 32], conv2dParams({}))).toEqual({ trainable: 864 + 32, nonTrainable: 64, macs: 149 * 149 * 864 });
  });

  it('adds gamma when BN has a scale, and a bias', () => {
    expect(cost([[299, 299, 3]], [149, 149, 32], conv2dParams({ bnGamma: true })).trainable).toBe(864 + 64);
    expect(cost([[8, 8, 448]], [8, 8, 2144], conv2dParams({ kernel: [1, 1], filters: 2144, batchNorm: false, bias: true }))).toEqual({
      trainable: 448 * 2144 + 2144,
      nonTrainable: 0,
      macs: 64 * 448 * 2144,
    });
  });

  it('refuses a vector as a convolution', () => {
    const result = layerDefinitions.conv2d.inferShape([[1536]], conv2dParams({}), 'c');
    expect(!result.ok && result.error.message).toBe('Convolution c needs an h×w×c feature map but receives a vector of 1536.');
  });

  it('treats 1×7 and 7×1 alike', () => {
    const a = cost([[17, 17, 192]], [17, 17, 224], conv2dParams({ kernel: [1, 7], filters: 224 }));
    const b = cost([[17, 17, 192]], [17, 17, 224], conv2dParams({ kernel: [7, 1], filters: 224 }));
    expect(a).toEqual(b);
    expect(a.trainable).toBe(7 * 192 * 224 + 224);
  });
});

describe('other costs and shapes', () => {
  it('dense: Cin·Cout weights and MACs plus a bias', () => {
    expect(layerDefinitions.dense.cost([[1536]], [1000], { units: 1000, activation: 'linear', bias: true })).toEqual({
      trainable: 1537000,
      nonTrainable: 0,
      macs: 1536000,
    });
  });

  it('pooling, addition, concatenation and activations cost nothing', () => {
    const none = { trainable: 0, nonTrainable: 0, macs: 0 };
    expect(layerDefinitions.maxPool.cost([[35, 35, 384]], [17, 17, 384], { pool: [3, 3], strides: [2, 2], padding: 'valid' })).toEqual(none);
    expect(layerDefinitions.residualAdd.cost([[8, 8, 2080], [8, 8, 2080]], [8, 8, 2080], { scale: 0.2, activation: 'relu' })).toEqual(none);
    expect(layerDefinitions.concat.cost([[8, 8, 1], [8, 8, 2]], [8, 8, 3], {})).toEqual(none);
    expect(layerDefinitions.activation.cost([[4]], [4], { fn: 'relu' })).toEqual(none);
  });

  it('concatenates channels and names mismatched grids and ports', () => {
    expect(layerDefinitions.concat.inferShape([[35, 35, 96], [35, 35, 64]], {}, 'm')).toEqual({ ok: true, value: { shape: [35, 35, 160] } });
    const bad = layerDefinitions.concat.inferShape([[35, 35, 96], [35, 35, 64], [17, 17, 8]], {}, 'm');
    expect(!bad.ok && bad.error.message).toContain('port 0 is 35×35×96 but port 2 is 17×17×8');
  });

  it('residual mismatch names both widths and carries the shortcut on', () => {
    const bad = layerDefinitions.residualAdd.inferShape([[17, 17, 1152], [17, 17, 1154]], { scale: 0.1, activation: 'relu' }, 'b/add');
    expect(!bad.ok && bad.error.message).toContain('1152 vs 1154');
    expect(!bad.ok && bad.error.fallback).toEqual([17, 17, 1152]);
  });

  it('global pooling and flatten turn a map into a vector; dense refuses a map', () => {
    expect(layerDefinitions.globalAvgPool.inferShape([[8, 8, 1536]], {}, 'g')).toMatchObject({
      ok: true,
      value: { shape: [1536], step: { op: 'global avg', from: [8, 8], to: [1, 1], formula: 'mean over 8×8 → 1×1' } },
    });
    expect(layerDefinitions.flatten.inferShape([[8, 8, 2]], {}, 'f')).toMatchObject({ ok: true, value: { shape: [128], step: { formula: '8·8·2 = 128 values' } } });
    expect(layerDefinitions.flatten.inferShape([[128]], {}, 'f')).toEqual({ ok: true, value: { shape: [128] } });
    const bad = layerDefinitions.dense.inferShape([[8, 8, 1536]], { units: 10, activation: 'linear', bias: true }, 'd');
    expect(!bad.ok && bad.error.code).toBe('dense-on-spatial');
    expect(!bad.ok && bad.error.hint).toContain('global average pool');
  });
});
