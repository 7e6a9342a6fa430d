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

  it('gives the palette and inspector words: distinct labels, a description, a label and help line per parameter', () => {
    const labels = blockTemplates.map((template) => template.label);
    expect(new Set(labels).size).toBe(labels.length);
    for (const template of blockTemplates) {
      expect(template.label, template.type).not.toBe('');
      expect(template.description, template.type).not.toBe('');
      for (const spec of template.params) {
        expect(spec.label, `${template.type}.${spec.name}`).not.toBe('');
        expect(spec.help, `${template.type}.${spec.name}`).not.toBe('');
      }
    }
  });

  it('learns BN gamma by default in the paper blocks, not in the released TF-slim ones', () => {
    const gamma = Object.fromEntries(blockTemplates.map((template) => [template.type, template.params.find((spec) => spec.name === 'bnGamma')?.default]));
    const tfslim = ['stemTfslim', 'mixed5b', 'block35', 'block17', 'block8', 'conv7b'];
    for (const [type, value] of Object.entries(gamma)) expect(value, type).toBe(!tfslim.includes(type));
  });

  it("lets a residual block end in ReLU or nothing ('linear', the last TF-slim Block8), ReLU by default", () => {
    const residual = blockTemplates.filter((candidate) => candidate.category === 'Residual blocks');
    expect(residual.map((template) => template.type)).toEqual(['inceptionResnetAV1', 'inceptionResnetAV2', 'inceptionResnetBV1', 'inceptionResnetBV2', 'inceptionResnetCV1', 'inceptionResnetCV2', 'block35', 'block17', 'block8']);
    for (const template of residual) {
      expect(template.params.find((spec) => spec.name === 'activation'), template.type).toMatchObject({ kind: 'enum', default: 'relu', options: ['relu', 'linear'] });
    }
  });
});

