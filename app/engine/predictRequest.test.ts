import { readFile } from 'node:fs/promises';
import { describe, expect, it } from 'vitest';
import { serializeDesign } from '../design/document';
import { runPredictRequest } from './predictRequest';
import { SAMPLE_IMAGES } from './testing/samples';
import { smallDesign } from './testing/smallDesign';

describe('runPredictRequest', () => {
  it('classifies dropped (base64) and on-disk images for a design sent as text', async () => {
    const base64 = (await readFile(SAMPLE_IMAGES.webp)).toString('base64');
    const result = await runPredictRequest({
      model: { kind: 'design', design: serializeDesign(smallDesign(3)) },
      images: [{ name: 'dropped.webp', base64 }, { path: SAMPLE_IMAGES.jpeg }],
      top: 2,
      backend: 'wasm',
    });
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.value.predictions.map((p) => [p.image, p.top.length, p.error])).toEqual([
      ['dropped.webp', 2, undefined],
      [SAMPLE_IMAGES.jpeg, 2, undefined],
    ]);
    // A design has no ONNX export: TensorFlow.js ran it, on the backend asked for.
    expect(result.value.inference).toEqual({ runtime: 'tfjs', backend: 'wasm', device: expect.any(String) });
  });

  it('answers a broken design or a missing model directory with an error, not an exception', async () => {
    const broken = await runPredictRequest({ model: { kind: 'design', design: '{"format": 1' }, images: [{ path: SAMPLE_IMAGES.jpeg }], top: 1 });
    expect(broken).toMatchObject({ ok: false, error: expect.stringMatching(/^The design cannot be read:/) });
    const missing = await runPredictRequest({ model: { kind: 'modelDir', path: '/no/such/model' }, images: [{ path: SAMPLE_IMAGES.jpeg }], top: 1 });
    expect(missing).toMatchObject({ ok: false, error: expect.stringContaining('metadata.json: missing') });
  });
});
