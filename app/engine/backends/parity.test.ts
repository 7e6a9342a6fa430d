import * as tf from '@tensorflow/tfjs';
import { describe, expect, it } from 'vitest';
import { compileDesign } from '../compile/compileDesign';
import { forwardValues, readWeights, writeWeights, type WeightValues } from '../testing/backendRuns';
import { relativeMaxError, seededValues } from '../testing/seededData';
import { smallDesign } from '../testing/smallDesign';
import { BACKEND_NAMES, type BackendName } from '../../compute/backends';
import { selectBackend } from './select';

/** Every backend that loads in this environment (the native ones only where installed). */
async function presentBackends(): Promise<BackendName[]> {
  const present: BackendName[] = [];
  for (const name of BACKEND_NAMES) {
    const ok = await selectBackend({ backend: name }).then(
      () => true,
      () => false,
    );
    if (ok) present.push(name);
  }
  return present;
}

async function forward(preset: string, weights: WeightValues | null): Promise<{ out: Float32Array; weights: WeightValues }> {
  const { model } = compileDesign(smallDesign(10, preset), { seed: 8 });
  const input = tf.tensor4d(seededValues(2 * 75 * 75 * 3, 12), [2, 75, 75, 3]);
  try {
    if (weights) writeWeights(model, weights);
    const out = await forwardValues(model, input);
    return { out, weights: weights ?? (await readWeights(model)) };
  } finally {
    input.dispose();
    model.dispose();
  }
}

describe('backend parity', () => {
  it.each(['inception-v4', 'inception-resnet-v2'])('%s gives the same outputs on every backend present', async (preset) => {
    const backends = await presentBackends();
    expect(backends).toContain('wasm');
    expect(backends).toContain('cpu');
    await selectBackend({ backend: backends[0] });
    const reference = await forward(preset, null);
    for (const name of backends.slice(1)) {
      await selectBackend({ backend: name });
      const { out } = await forward(preset, reference.weights);
      expect(relativeMaxError(out, reference.out), `${name} vs ${backends[0]}`).toBeLessThan(1e-4);
    }
    await selectBackend({ backend: 'wasm' });
  });
});
