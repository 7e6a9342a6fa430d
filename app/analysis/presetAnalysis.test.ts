import { describe, expect, it } from 'vitest';
import { buildPreset, presets } from '../presets/index';
import { analyze, formatProvenance } from './analyze';

describe('analysis of the presets', () => {
  it('reports the impossible residual widths of Inception-ResNet-v2 as printed at each block and its add layer', () => {
    const analysis = analyze(buildPreset('inception-resnet-v2-as-printed'));
    const mismatches = analysis.diagnostics.filter((d) => d.code === 'residual-shape-mismatch');
    expect(analysis.diagnostics).toHaveLength(mismatches.length);
    const b = mismatches.find((d) => d.nodes[0] === 'b1');
    const c = mismatches.find((d) => d.nodes[0] === 'c1');
    expect(b).toMatchObject({ severity: 'error', layer: 'b1/add' });
    expect(b?.message).toContain('1152 vs 1154');
    expect(c).toMatchObject({ severity: 'error', layer: 'c1/add' });
    expect(c?.message).toContain('2144 vs 2048');
    expect(analysis.nodes.redB.output).toEqual([8, 8, 2144]);
  });

  it('counts TF-slim Inception-ResNet-v2 as Keras and timm do', () => {
    const keras = analyze(buildPreset('inception-resnet-v2-tfslim'));
    expect(keras.diagnostics).toEqual([]);
    expect(keras.totals).toMatchObject({ trainable: 55_813_192, nonTrainable: 60_544 });
    expect(keras.totals.macs / 1e9).toBeCloseTo(13.16, 1);
    expect(analyze(buildPreset('inception-resnet-v2-tfslim', { bnGamma: true })).totals.trainable).toBe(55_843_464);
  });

  it('counts Inception-v4 as timm does', () => {
    const analysis = analyze(buildPreset('inception-v4', { bnGamma: true }));
    expect(analysis.totals).toMatchObject({ trainable: 42_679_816, nonTrainable: 63_168 });
  });

  it.each(presets.map((preset) => preset.name))('%s: 75×75 is the smallest input', (name) => {
    expect(analyze(buildPreset(name, { input: 75 })).diagnostics.filter((d) => d.code === 'grid-collapsed')).toEqual([]);
    const collapsed = analyze(buildPreset(name, { input: 74 })).diagnostics.filter((d) => d.code === 'grid-collapsed');
    expect(collapsed).toHaveLength(1);
    expect(collapsed[0].hint).toContain('75×75');
  });

  it('traces the 8×8 grid of Inception-v4 back to the input', () => {
    const analysis = analyze(buildPreset('inception-v4'));
    expect(formatProvenance(analysis.nodes.pool.provenance)).toBe(
      '299 →3×3/2 valid→ 149 →3×3 valid→ 147 →max 3×3/2 valid→ 73 →3×3 valid→ 71 →3×3/2 valid→ 35 →3×3/2 valid→ 17 →3×3/2 valid→ 8 →global avg→ 1',
    );
  });
});
