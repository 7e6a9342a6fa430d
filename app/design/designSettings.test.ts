import { describe, expect, it } from 'vitest';
import { design } from '../analysis/testing/designs';
import { buildPreset } from '../presets/index';
import { CLASSES_SPEC, classCount, classifierNodes, INPUT_SPECS, withClasses, withInput, withInputSize } from './designSettings';

describe('design settings', () => {
  const preset = buildPreset('inception-v4', { repeats: [1, 1, 1] });

  it('changes the input and keeps the document when nothing changes', () => {
    expect(withInput(preset, { height: 96 }).input).toEqual({ height: 96, width: 299, channels: 3 });
    expect(withInput(preset, { channels: 3 })).toBe(preset);
  });

  it('reads and sets the class count on the classifier', () => {
    expect(classifierNodes(preset)).toEqual(['logits']);
    expect(classCount(preset)).toBe(1000);
    const ten = withClasses(preset, 10);
    expect(ten && classCount(ten)).toBe(10);
    expect(ten && withClasses(ten, 10)).toBe(ten);
  });

  it('has no class count without a dense layer', () => {
    const bare = { ...preset, nodes: preset.nodes.filter((node) => node.type !== 'dense') };
    expect(classCount(bare)).toBeUndefined();
    expect(withClasses(bare, 10)).toBeUndefined();
  });

  it('offers the input as 299 × 299 × 3 by default, each side up to 4096 and up to 4 channels; 1000 classes up to 100,000', () => {
    expect(INPUT_SPECS).toEqual([
      expect.objectContaining({ name: 'height', kind: 'int', default: 299, min: 1, max: 4096 }),
      expect.objectContaining({ name: 'width', kind: 'int', default: 299, min: 1, max: 4096 }),
      expect.objectContaining({ name: 'channels', kind: 'int', default: 3, min: 1, max: 4 }),
    ]);
    expect(CLASSES_SPEC).toMatchObject({ name: 'classes', kind: 'int', default: 1000, min: 1, max: 100_000 });
  });

  it('labels and explains each field as the inspector shows it', () => {
    expect(INPUT_SPECS.map(({ label, help }) => [label, help])).toEqual([
      ['Height', 'Input height in pixels.'],
      ['Width', 'Input width in pixels.'],
      ['Channels', '1 gray, 3 RGB, 4 RGBA.'],
    ]);
    expect([CLASSES_SPEC.label, CLASSES_SPEC.help]).toEqual(['Classes', 'Outputs of the classifier (its dense layer units).']);
  });

  it('sets a square input size, or one side, keeping the rest', () => {
    expect(withInputSize(preset, 120).input).toEqual({ height: 120, width: 120, channels: 3 });
    expect(withInput(preset, { width: 160 }).input).toEqual({ height: 299, width: 160, channels: 3 });
    expect(withInput(preset, { channels: 1 }).input).toEqual({ height: 299, width: 299, channels: 1 });
    expect(withInputSize(preset, 299)).toBe(preset);
    expect(preset.input).toEqual({ height: 299, width: 299, channels: 3 });
  });

  it('takes as classifiers only the dense layers no other dense layer follows, through any path', () => {
    // input → fc1 → drop → fc2 → out, and a side branch input → side (dense) → cat ← fc2.
    const branched = design(
      [['input', 'input'], ['fc1', 'dense'], ['drop', 'dropout'], ['fc2', 'dense', { units: 7 }], ['side', 'dense', { units: 9 }], ['cat', 'concat'], ['loop', 'dense']],
      [['input', 'fc1'], ['fc1', 'drop'], ['drop', 'fc2'], ['input', 'side'], ['fc2', 'cat'], ['side', 'cat', 1], ['cat', 'loop'], ['loop', 'cat', 2]],
    );
    // `loop` feeds back into `cat`, which it follows: it still reaches a dense layer (itself).
    expect(classifierNodes(branched)).toEqual([]);
    const open = { ...branched, edges: branched.edges.filter((edge) => edge.source !== 'loop') };
    expect(classifierNodes(open)).toEqual(['loop']);
    const twoHeads = { ...open, edges: open.edges.filter((edge) => edge.target !== 'loop') };
    expect(classifierNodes(twoHeads)).toEqual(['fc2', 'side', 'loop']);
    expect(classCount(twoHeads)).toBe(7);
  });

  it('walks past a cycle that holds no dense layer, and through every branch of a fan-out', () => {
    // fc → a → b → a loops without a dense layer; fc → split fans out to x and y, only y reaching head.
    const looped = design(
      [['input', 'input'], ['fc', 'dense'], ['a', 'activation'], ['b', 'activation'], ['split', 'activation'], ['x', 'activation'], ['y', 'activation'], ['head', 'dense', { units: 4 }]],
      [['input', 'fc'], ['fc', 'a'], ['a', 'b'], ['b', 'a'], ['fc', 'split'], ['split', 'x'], ['split', 'y'], ['y', 'head']],
    );
    expect(classifierNodes(looped)).toEqual(['head']);
    const cut = { ...looped, edges: looped.edges.filter((edge) => edge.target !== 'head') };
    expect(classifierNodes(cut)).toEqual(['fc', 'head']);
    expect(classCount(cut)).toBe(1000);
  });

  it('counts the dense layer’s default units as the classes when it sets none, and sets every classifier', () => {
    const heads = design([['input', 'input'], ['a', 'dense', { units: 5 }], ['b', 'dense']], [['input', 'a'], ['input', 'b']]);
    expect(classCount({ ...heads, nodes: heads.nodes.filter((node) => node.id !== 'a') })).toBe(1000);
    const five = withClasses(heads, 5);
    expect(five?.nodes.map((node) => node.params)).toEqual([{}, { units: 5 }, { units: 5 }]);
    expect(five && withClasses(five, 5)).toBe(five);
  });
});
