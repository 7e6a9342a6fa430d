import { describe, expect, it } from 'vitest';
import { layerDefinitions } from '../layers/registry';
import { DESIGN_LIMITS } from './limits';
import { resolveParams } from './resolveParams';
import type { ParamValue } from './types';

const convInfo = layerDefinitions.conv2d.info;

describe('resolveParams', () => {
  it('fills missing params with defaults and keeps valid ones', () => {
    const { values, issues } = resolveParams(convInfo, { filters: 96, padding: 'valid' });
    expect(issues).toEqual([]);
    expect(values).toMatchObject({ filters: 96, padding: 'valid', kernel: [3, 3], strides: [1, 1], batchNorm: true, bnGamma: false });
  });

  it.each<[string, ParamValue]>([
    ['filters', 0],
    ['filters', -3],
    ['filters', 2.5],
    ['filters', Number.NaN],
    ['filters', Number.POSITIVE_INFINITY],
    ['filters', '64'],
    ['kernel', [3]],
    ['kernel', [0, 3]],
    ['kernel', 3],
    ['padding', 'full'],
    ['batchNorm', 'yes'],
  ])('reports %s = %j and uses the default', (param, value) => {
    const { values, issues } = resolveParams(convInfo, { [param]: value });
    expect(issues).toHaveLength(1);
    expect(issues[0]).toMatchObject({ param, code: 'invalid-param' });
    expect(issues[0].message).toContain(param);
    expect(values[param]).toEqual(convInfo.params.find((spec) => spec.name === param)?.default);
  });

  it('checks number ranges', () => {
    const { issues } = resolveParams(layerDefinitions.dropout.info, { rate: 1.5 });
    expect(issues[0].message).toBe('Dropout: rate is 1.5; it must be a number between 0 and 0.99.');
  });

  it('bounds every number a design holds, naming the field and the limit', () => {
    expect(resolveParams(layerDefinitions.dense.info, { units: 1e9 }).issues[0].message).toBe(`Fully connected: units is 1000000000; it must be an integer between 1 and ${DESIGN_LIMITS.classes}.`);
    expect(resolveParams(convInfo, { filters: 1e12 }).issues[0].message).toBe(`Convolution: filters is 1000000000000; it must be an integer between 1 and ${DESIGN_LIMITS.channels}.`);
    expect(resolveParams(convInfo, { kernel: [1e9, 3] }).issues[0].message).toMatch(`kernel is [1000000000, 3]; it must be a pair [height, width] of integers between 1 and ${DESIGN_LIMITS.inputSize}`);
    const numeric = Object.values(layerDefinitions).flatMap((definition) => definition.info.params).filter((spec) => spec.kind === 'int' || spec.kind === 'number' || spec.kind === 'pair');
    for (const spec of numeric) expect(spec.max, spec.name).toBeLessThanOrEqual(DESIGN_LIMITS.classes);
  });

  it('reports parameters the type does not have', () => {
    const { values, issues } = resolveParams(layerDefinitions.softmax.info, { axis: 1 });
    expect(values).toEqual({});
    expect(issues).toEqual([
      { param: 'axis', code: 'unknown-param', message: 'Softmax has no parameter "axis"; it is ignored.', hint: 'Softmax takes no parameters.' },
    ]);
  });

  it('says what each kind of parameter must be, and which default is used meanwhile', () => {
    const [filters] = resolveParams(convInfo, { filters: '64' }).issues;
    expect(filters).toEqual({
      param: 'filters',
      code: 'invalid-param',
      message: 'Convolution: filters is "64"; it must be an integer between 1 and 65536.',
      hint: 'Set filters to an integer between 1 and 65536; the default 64 is used meanwhile.',
    });
    expect(resolveParams(convInfo, { batchNorm: 1 }).issues[0]).toMatchObject({ message: 'Convolution: batchNorm is 1; it must be true or false.', hint: 'Set batch norm to true or false; the default true is used meanwhile.' });
    expect(resolveParams(convInfo, { padding: 'full' }).issues[0].message).toBe('Convolution: padding is "full"; it must be one of valid, same.');
    expect(resolveParams(convInfo, { kernel: [3, 2.5] }).issues[0].hint).toBe('Set kernel to a pair [height, width] of integers between 1 and 4096; the default [3, 3] is used meanwhile.');
    expect(resolveParams(layerDefinitions.dropout.info, { rate: Number.NaN }).issues[0].message).toBe('Dropout: rate is NaN; it must be a number between 0 and 0.99.');
  });

  it('takes a number at both ends of its range, a fraction where numbers may be fractional, and no unsafe integer', () => {
    const dropout = layerDefinitions.dropout.info;
    expect(resolveParams(dropout, { rate: 0 }).issues).toEqual([]);
    expect(resolveParams(dropout, { rate: 0.99 }).issues).toEqual([]);
    expect(resolveParams(dropout, { rate: -0.01 }).issues).toHaveLength(1);
    expect(resolveParams(convInfo, { filters: 1 }).issues).toEqual([]);
    expect(resolveParams(convInfo, { kernel: [1, 1] }).issues).toEqual([]);
    expect(resolveParams(convInfo, { kernel: [2 ** 53, 1] }).issues).toHaveLength(1);
    expect(resolveParams(convInfo, { kernel: [3, 3, 3] }).issues).toHaveLength(1);
  });

  it('takes either boolean for a switch', () => {
    for (const batchNorm of [true, false]) {
      const { values, issues } = resolveParams(convInfo, { batchNorm });
      expect(issues).toEqual([]);
      expect(values.batchNorm).toBe(batchNorm);
    }
  });

  it('lists every parameter a type has, comma-separated, when it is given one it does not', () => {
    const [unknown] = resolveParams(layerDefinitions.maxPool.info, { kernel: [2, 2] }).issues;
    expect(unknown.hint).toBe(`Its parameters are ${layerDefinitions.maxPool.info.params.map((spec) => spec.name).join(', ')}.`);
    expect(unknown.hint).toMatch(/^Its parameters are pool, strides, padding/);
  });

  it('lists the parameters a type has when it is given one it does not', () => {
    const [unknown] = resolveParams(layerDefinitions.dropout.info, { rate: 0.2, ratio: 0.5 }).issues;
    expect(unknown).toEqual({ param: 'ratio', code: 'unknown-param', message: 'Dropout has no parameter "ratio"; it is ignored.', hint: 'Its parameters are rate.' });
  });
});
