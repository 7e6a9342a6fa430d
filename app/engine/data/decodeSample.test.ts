import sharp from 'sharp';
import { describe, expect, it } from 'vitest';
import { loadImageBatch } from '../images';
import { SAMPLE_IMAGES } from '../testing/samples';
import { centralCrop, decodeSample } from './decodeSample';

describe('decodeSample', () => {
  it('gives a central crop exactly the input predict gives the same image', async () => {
    for (const channels of [1, 3] as const) {
      const size = 33;
      const out = new Float32Array(size * size * channels);
      await decodeSample(sharp(SAMPLE_IMAGES.jpeg), { size, channels }, centralCrop, out, 0);
      const batch = await loadImageBatch([{ path: SAMPLE_IMAGES.jpeg }], { height: size, width: size, channels });
      expect(out).toEqual(batch.data);
    }
  });

  it('scales a training crop into [-1, 1] with the network channel count', async () => {
    const out = new Float32Array(9 * 9 * 3);
    await decodeSample(sharp(SAMPLE_IMAGES.grayPng), { size: 9, channels: 3 }, { x: 0, y: 1, flip: true }, out, 0);
    expect(Math.min(...out)).toBeGreaterThanOrEqual(-1);
    expect(Math.max(...out)).toBeLessThanOrEqual(1);
    expect([out[3], out[4], out[5]]).toEqual([out[3], out[3], out[3]]);
  });
});
