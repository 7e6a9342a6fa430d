import sharp from 'sharp';
import { describe, expect, it } from 'vitest';
import { loadImageBatch } from '../images';
import { SAMPLE_IMAGES } from '../testing/samples';
import { centralCrop, cropTrainingSource, decodeSample, trainingSourceSize } from './decodeSample';

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

  it('cuts a training crop at its box from the stretched source, mirrored when asked, and scales it', () => {
    // A 4×4 two-channel source whose pixel (y, x) holds 10·y + x in channel 0 and 100 + that in channel 1.
    const source = { size: 4, channels: 2, pixels: Uint8Array.from({ length: 32 }, (_, i) => (i % 2) * 100 + 10 * Math.floor(i / 8) + (Math.floor(i / 2) % 4)) };
    const crop = (plan: { x: number; y: number; flip: boolean }): number[] => {
      const out = new Float32Array(1 + 2 * 2 * 2).fill(9);
      cropTrainingSource(source, 2, plan, out, 1);
      expect(out[0]).toBe(9);
      return [...out.subarray(1)].map((v) => Math.round((v + 1) * 127.5));
    };
    // x = 1, y = 0: columns 2–3 of rows 0–1; a box position of 0.5 rounds to column 1.
    expect(crop({ x: 1, y: 0, flip: false })).toEqual([2, 102, 3, 103, 12, 112, 13, 113]);
    expect(crop({ x: 1, y: 0, flip: true })).toEqual([3, 103, 2, 102, 13, 113, 12, 112]);
    expect(crop({ x: 0.5, y: 1, flip: false })).toEqual([21, 121, 22, 122, 31, 131, 32, 132]);
    expect(trainingSourceSize(75)).toBe(86);
    expect(trainingSourceSize(1)).toBe(1);
  });

  it('scales a training crop into [-1, 1] with the network channel count', async () => {
    const out = new Float32Array(9 * 9 * 3);
    await decodeSample(sharp(SAMPLE_IMAGES.grayPng), { size: 9, channels: 3 }, { x: 0, y: 1, flip: true }, out, 0);
    expect(Math.min(...out)).toBeGreaterThanOrEqual(-1);
    expect(Math.max(...out)).toBeLessThanOrEqual(1);
    expect([out[3], out[4], out[5]]).toEqual([out[3], out[3], out[3]]);
  });
});
