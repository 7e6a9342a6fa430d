import { describe, expect, it } from 'vitest';
import { blockTemplates, getBlockTemplate } from './library';

describe('block library', () => {
  it('has one template per type, each with a width multiplier, bnGamma and a source', () => {
    const types = blockTemplates.map((template) => template.type);
    expect(new Set(types).size).toBe(types.length);
    for (const template of blockTemplates) {
      const names = template.params.map((spec) => spec.name);
      expect(names, template.type).toEqual(expect.arrayContaining(['width', 'bnGamma']));
      expect(template.source.length, template.type).toBeGreaterThan(10);
      expect(template.inputs).toEqual({ min: 1, max: 1 });
    }
  });

  it('looks templates up by type', () => {
    expect(getBlockTemplate('inceptionA')?.label).toBe('Inception-A');
    expect(getBlockTemplate('nope')).toBeUndefined();
  });

  it('gives Reduction-A the Inception-v4 row of Table 1 by default', () => {
    const defaults = Object.fromEntries(getBlockTemplate('reductionA')?.params.map((spec) => [spec.name, spec.default]) ?? []);
    expect(defaults).toMatchObject({ k: 192, l: 224, m: 256, n: 384 });
  });

  it('gives residual blocks their paper width, scale and activation defaults', () => {
    const defaults = (type: string): Record<string, unknown> =>
      Object.fromEntries(getBlockTemplate(type)?.params.map((spec) => [spec.name, spec.default]) ?? []);
    expect(defaults('inceptionResnetAV1')).toMatchObject({ channels: 256, scale: 0.17, activation: 'relu', bnGamma: true });
    expect(defaults('inceptionResnetBV2')).toMatchObject({ channels: 1152, scale: 0.1 });
    expect(defaults('inceptionResnetCV2')).toMatchObject({ channels: 2144, scale: 0.2 });
    expect(defaults('block8')).toMatchObject({ channels: 2080, scale: 0.2, bnGamma: false });
  });
});
