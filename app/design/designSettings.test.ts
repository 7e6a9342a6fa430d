import { describe, expect, it } from 'vitest';
import { buildPreset } from '../presets/index';
import { classCount, classifierNodes, withClasses, withInput } from './designSettings';

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
});
