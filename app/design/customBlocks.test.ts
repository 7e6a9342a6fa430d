import { describe, expect, it } from 'vitest';
import { chain } from '../analysis/testing/designs';
import { customLayerCount, revertToTemplate, setLayerParams } from './customBlocks';

const doc = chain([
  ['a1', 'inceptionA'],
  ['a2', 'inceptionA'],
]);
const template = { filters: 96, kernel: [3, 3], padding: 'same' };

describe('setLayerParams and revertToTemplate', () => {
  it('makes one block custom; untouched nodes keep identity', () => {
    const edited = setLayerParams(doc, 'a1', 'branch2/conv2', { filters: 64 }, template);
    expect(edited.nodes[1].overrides).toEqual({ 'branch2/conv2': { filters: 64 } });
    expect(edited.nodes[2]).toBe(doc.nodes[2]);
    expect(edited.nodes[0]).toBe(doc.nodes[0]);
    expect(customLayerCount(edited.nodes[1])).toBe(1);
    expect(customLayerCount(edited.nodes[2])).toBe(0);
  });

  it('drops a value set back to the template, and the field with the last one', () => {
    const once = setLayerParams(doc, 'a1', 'branch2/conv2', { filters: 64, kernel: [5, 5] }, template);
    const back = setLayerParams(once, 'a1', 'branch2/conv2', { filters: 96 }, template);
    expect(back.nodes[1].overrides).toEqual({ 'branch2/conv2': { kernel: [5, 5] } });
    const plain = setLayerParams(back, 'a1', 'branch2/conv2', { kernel: [3, 3] }, template);
    expect('overrides' in plain.nodes[1]).toBe(false);
  });

  it('returns the same document when nothing changes', () => {
    expect(setLayerParams(doc, 'a1', 'branch2/conv2', { filters: 96 }, template)).toBe(doc);
    expect(setLayerParams(doc, 'ghost', 'branch2/conv2', { filters: 1 }, template)).toBe(doc);
    expect(revertToTemplate(doc, 'a1')).toBe(doc);
  });

  it('edits the first node as well as later ones', () => {
    const first = setLayerParams(doc, 'input', 'conv', { filters: 8 }, {});
    expect(first.nodes[0].overrides).toEqual({ conv: { filters: 8 } });
    expect(first.nodes.slice(1)).toEqual(doc.nodes.slice(1));
  });

  it('keeps a value the template lacks, and returns the same document when a layer is set to what it already holds', () => {
    const once = setLayerParams(doc, 'a1', 'branch2/conv2', { filters: 64, bias: false }, template);
    expect(once.nodes[1].overrides).toEqual({ 'branch2/conv2': { filters: 64, bias: false } });
    expect(setLayerParams(once, 'a1', 'branch2/conv2', { filters: 64 }, template)).toBe(once);
    expect(setLayerParams(once, 'a1', 'branch2/conv2', { bias: false, filters: 64 }, template)).toBe(once);
    expect(setLayerParams(once, 'a1', 'branch2/conv2', { filters: 32 }, template).nodes[1].overrides).toEqual({ 'branch2/conv2': { filters: 32, bias: false } });
  });

  it('reverts every layer of the block at once', () => {
    const edited = setLayerParams(setLayerParams(doc, 'a1', 'branch1/conv1', { filters: 8 }, template), 'a1', 'branch2/conv2', { filters: 8 }, template);
    const reverted = revertToTemplate(edited, 'a1');
    expect(reverted.nodes[1]).toEqual(doc.nodes[1]);
  });
});
