import { describe, expect, it } from 'vitest';
import { analyze } from '../analysis/analyze';
import { buildPreset, isPresetName, PRESET_PREFIX, presets, presetSettings, SMALL_CPU_OPTIONS } from './index';

const names = presets.map((preset) => preset.name);

describe('presetSettings', () => {
  it('starts from a 299×299 input, 1000 classes, width 1 and each preset’s own defaults', () => {
    expect(presetSettings('inception-v4')).toEqual({ input: 299, classes: 1000, width: 1, bnGamma: true, dropout: 0.2, repeats: [4, 7, 3] });
    expect(presetSettings('inception-resnet-v1')).toEqual({ input: 299, classes: 1000, width: 1, bnGamma: true, dropout: 0.2, repeats: [5, 10, 5], scales: [0.17, 0.1, 0.2] });
    expect(presetSettings('inception-resnet-v2-tfslim')).toMatchObject({ bnGamma: false, dropout: 0, repeats: [10, 20, 10], scales: [0.17, 0.1, 0.2] });
  });

  it('carries no scales at all for Inception-v4, which has no residual blocks', () => {
    expect(Object.keys(presetSettings('inception-v4'))).not.toContain('scales');
  });

  it('lets every option override its default', () => {
    const options = { input: 160, classes: 10, width: 0.5, bnGamma: false, dropout: 0, repeats: [1, 2, 3], scales: [0.3, 0.2, 0.1] } as const;
    expect(presetSettings('inception-resnet-v2', options)).toEqual(options);
  });

  it('refuses residual scales for Inception-v4, which has no residual blocks, and names an unknown preset with the known ones', () => {
    expect(() => presetSettings('inception-v4', { scales: [0.1, 0.1, 0.1] })).toThrow('inception-v4 has no residual blocks: the scales option does not apply.');
    expect(() => presetSettings('inception')).toThrow(`Unknown preset 'inception'. Presets: ${names.join(', ')}.`);
  });
});

describe('isPresetName', () => {
  it('knows every preset by its exact name only', () => {
    for (const name of names) expect(isPresetName(name), name).toBe(true);
    for (const near of ['inception', 'inception-v4 ', 'Inception-v4', 'preset:inception-v4', 'inception-resnet-v2-tf']) expect(isPresetName(near), near).toBe(false);
  });
});

describe('the presets list', () => {
  it('names each preset as files and the command line do, and titles its design as the paper does', () => {
    expect(presets.map((preset) => [preset.name, buildPreset(preset.name).name])).toEqual([
      ['inception-v4', 'Inception-v4'],
      ['inception-resnet-v1', 'Inception-ResNet-v1'],
      ['inception-resnet-v2', 'Inception-ResNet-v2'],
      ['inception-resnet-v2-as-printed', 'Inception-ResNet-v2 (as printed)'],
      ['inception-resnet-v2-tfslim', 'Inception-ResNet-v2 (TF-slim)'],
    ]);
    // Experiment specs name a preset where a design path could be: `"design": "preset:inception-v4"`.
    expect(`${PRESET_PREFIX}inception-v4`).toBe('preset:inception-v4');
  });

  it('gives each preset a title of its own and a one-line note', () => {
    expect(new Set(presets.map((preset) => preset.title)).size).toBe(presets.length);
    for (const preset of presets) {
      expect(preset.title, preset.name).not.toBe('');
      expect(preset.note, preset.name).not.toBe('');
    }
  });

  it.each(names)('%s explains its choices in notes, one non-empty line each', (name) => {
    const { notes } = buildPreset(name);
    expect(notes.length).toBeGreaterThanOrEqual(3);
    for (const note of notes) expect(note.trim(), name).not.toBe('');
    expect(new Set(notes).size).toBe(notes.length);
  });
});

describe('SMALL_CPU_OPTIONS', () => {
  it('builds a 75×75 network with one block per stage at a quarter of the width', () => {
    const doc = buildPreset('inception-resnet-v1', SMALL_CPU_OPTIONS);
    expect(doc.input).toEqual({ height: 75, width: 75, channels: 3 });
    expect(doc.nodes.filter((node) => /^[abc]\d+$/.test(node.id)).map((node) => node.id)).toEqual(['a1', 'b1', 'c1']);
    expect(doc.nodes.find((node) => node.id === 'a1')?.params).toMatchObject({ width: 0.25, channels: 64 });
    expect(analyze(doc).diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
  });
});
