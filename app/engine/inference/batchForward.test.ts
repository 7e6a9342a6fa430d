import { beforeAll, describe, expect, it } from 'vitest';
import { buildPreset } from '../../presets/index';
import { selectBackend } from '../backends/select';
import { compileDesign } from '../compile/compileDesign';
import { relativeMaxError, seededValues } from '../testing/seededData';
import { localForward, openForward } from './batchForward';

const design = buildPreset('inception-v4', { width: 0.1, repeats: [1, 1, 1], input: 75, classes: 7 });
const imageFloats = 75 * 75 * 3;

beforeAll(async () => {
  await selectBackend({ backend: 'wasm' });
});

describe('openForward', () => {
  it('splits a batch over replica threads and gives the outputs this thread gives, in order', async () => {
    // No seed: the replicas must get this model's weights, not compile their own.
    const { model } = compileDesign(design);
    const pixels = seededValues(5 * imageFloats, 9);
    const expected = await localForward(model)(pixels, 5);
    const opened = openForward(model, design, 3);
    try {
      const split = await opened.forward(pixels, 5);
      expect(split).toHaveLength(5 * 7);
      expect(relativeMaxError(split, expected)).toBeLessThan(1e-5);
      // One image stays on this thread; the answer is the same.
      expect(relativeMaxError(await opened.forward(pixels.subarray(imageFloats, 2 * imageFloats), 1), expected.subarray(7, 14))).toBeLessThan(1e-5);
    } finally {
      await opened.close();
      model.dispose();
    }
  });
});
