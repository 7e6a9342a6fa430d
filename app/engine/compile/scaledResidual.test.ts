import * as tf from '@tensorflow/tfjs';
import { beforeAll, describe, expect, it } from 'vitest';
import type { ActivationFn } from '../../layers/types';
import { selectBackend } from '../backends/select';
import { ScaledResidual } from './scaledResidual';

const sigmoid = (x: number): number => 1 / (1 + Math.exp(-x));

describe('ScaledResidual', () => {
  beforeAll(async () => {
    await selectBackend({ backend: 'wasm' });
  });

  // shortcut [1, -3, 2] + 0.5 · residual [2, 2, -8] = [2, -2, -2]
  it.each<[ActivationFn, number[]]>([
    ['linear', [2, -2, -2]],
    ['relu', [2, 0, 0]],
    ['sigmoid', [sigmoid(2), sigmoid(-2), sigmoid(-2)]],
    ['tanh', [Math.tanh(2), Math.tanh(-2), Math.tanh(-2)]],
    ['softmax', [Math.exp(4) / (Math.exp(4) + 2), 1 / (Math.exp(4) + 2), 1 / (Math.exp(4) + 2)]],
  ])('computes %s(shortcut + scale · residual)', (activation, expected) => {
    const layer = new ScaledResidual({ scale: 0.5, activation });
    const out = tf.tidy(() => Array.from((layer.apply([tf.tensor2d([[1, -3, 2]]), tf.tensor2d([[2, 2, -8]])]) as tf.Tensor).dataSync()));
    expect(out).toEqual(expected.map((v) => expect.closeTo(v, 6)));
  });

  it('keeps the shortcut shape and serialises its scale and activation', () => {
    const layer = new ScaledResidual({ name: 'b1/add', scale: 0.17, activation: 'tanh' });
    expect(layer.computeOutputShape([[null, 5, 4, 3], [null, 5, 4, 3]])).toEqual([null, 5, 4, 3]);
    expect(layer.getConfig()).toMatchObject({ name: 'b1/add', scale: 0.17, activation: 'tanh' });
  });
});
