import { describe, expect, it } from 'vitest';
import { analyze } from './analyze';
import { summarizeLayers } from './layerSummary';
import { chain, design } from './testing/designs';

describe('summarizeLayers', () => {
  it('describes every layer kind with its key parameters, non-square windows and strides written out', () => {
    const doc = design(
      [
        ['input', 'input'],
        ['a', 'conv2d', { filters: 4, kernel: [3, 1], strides: [2, 2], padding: 'same' }],
        ['b', 'conv2d', { filters: 4, kernel: [1, 1], strides: [2, 2], padding: 'same', batchNorm: false, activation: 'linear' }],
        ['cat', 'concat'],
        ['mp', 'maxPool', { pool: [3, 3], strides: [1, 1], padding: 'same' }],
        ['ap', 'avgPool', { pool: [2, 2], strides: [2, 1], padding: 'valid' }],
        ['act', 'activation', { fn: 'tanh' }],
        ['add', 'residualAdd', { scale: 0.2, activation: 'linear' }],
        ['drop', 'dropout', { rate: 0.3 }],
        ['flat', 'flatten'],
        ['hidden', 'dense', { units: 5, activation: 'relu' }],
        ['logits', 'dense', { units: 3 }],
        ['softmax', 'softmax'],
      ],
      [
        ['input', 'a'], ['input', 'b'], ['a', 'cat', 0], ['b', 'cat', 1], ['cat', 'mp'], ['mp', 'ap'], ['ap', 'act'],
        ['ap', 'add', 0], ['act', 'add', 1], ['add', 'drop'], ['drop', 'flat'], ['flat', 'hidden'], ['hidden', 'logits'], ['logits', 'softmax'],
      ],
      [12, 10, 3],
    );
    const layers = summarizeLayers(analyze(doc));
    expect(layers.map((layer) => [layer.id, layer.node, layer.type])).toEqual([
      ['input', 'input', 'Input'],
      ['a', 'a', 'Conv2D 4 3×1/2 same, BN, relu'],
      ['b', 'b', 'Conv2D 4 1×1/2 same'],
      ['cat', 'cat', 'Concatenate'],
      ['mp', 'mp', 'MaxPool 3×3/1 same'],
      ['ap', 'ap', 'AvgPool 2×2/2×1 valid'],
      ['act', 'act', 'Activation tanh'],
      ['add', 'add', 'Add ×0.2'],
      ['drop', 'drop', 'Dropout 0.3'],
      ['flat', 'flat', 'Flatten'],
      ['hidden', 'hidden', 'Dense 5, relu'],
      ['logits', 'logits', 'Dense 3'],
      ['softmax', 'softmax', 'Softmax'],
    ]);
    const ap = layers.find((layer) => layer.id === 'ap');
    expect(ap).toMatchObject({ kind: 'avgPool', output: [3, 4, 8], params: 0, activationBytes: 3 * 4 * 8 * 4, inputs: ['mp'] });
    expect(layers.find((layer) => layer.id === 'add')?.inputs).toEqual(['ap', 'act']);
    expect(layers.find((layer) => layer.id === 'hidden')).toMatchObject({ output: [5], params: 96 * 5 + 5, trainable: 96 * 5 + 5, macs: 96 * 5 });
  });

  it('counts batch-norm statistics as parameters but not as trainable', () => {
    const [, conv] = summarizeLayers(analyze(chain([['c', 'conv2d', { filters: 2, kernel: [1, 1] }]], [4, 4, 3])));
    expect(conv).toMatchObject({ params: 3 * 2 + 2 + 4, trainable: 3 * 2 + 2 });
  });

  it('writes pooling heads and add layers by name, activation after a comma when it is not linear', () => {
    const doc = design(
      [['input', 'input'], ['body', 'conv2d', { filters: 3, kernel: [1, 1] }], ['add', 'residualAdd', { scale: 0.1 }], ['pool', 'globalAvgPool']],
      [['input', 'add', 0], ['input', 'body'], ['body', 'add', 1], ['add', 'pool']],
      [5, 5, 3],
    );
    const types = summarizeLayers(analyze(doc)).map((layer) => layer.type);
    expect(types).toEqual(['Input', 'Conv2D 3 1×1/1 same, BN, relu', 'Add ×0.1, relu', 'GlobalAvgPool']);
  });

  it('leaves out a layer with no known shape as output null and zero bytes', () => {
    const layers = summarizeLayers(analyze(chain([['c', 'conv2d', { kernel: [5, 5], padding: 'valid' }], ['after', 'conv2d']], [3, 3, 1])));
    expect(layers.find((layer) => layer.id === 'after')).toMatchObject({ output: null, activationBytes: 0, macs: 0 });
  });
});
