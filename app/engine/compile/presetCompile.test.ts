import * as tf from '@tensorflow/tfjs';
import { beforeAll, describe, expect, it } from 'vitest';
import { buildPreset, presets } from '../../presets/index';
import { selectBackend } from '../backends/select';
import { compileDesign } from './compileDesign';
import { DesignErrorsError } from './errors';

function paramCounts(model: tf.LayersModel): { trainable: number; nonTrainable: number } {
  const size = (weights: tf.LayerVariable[]): number => weights.reduce((n, w) => n + w.shape.reduce((a: number, b) => a * (b ?? 1), 1), 0);
  return { trainable: size(model.trainableWeights), nonTrainable: size(model.nonTrainableWeights) };
}

function expectMatchesAnalysis(name: string, options: Parameters<typeof buildPreset>[1]): void {
  const { model, analysis } = compileDesign(buildPreset(name, options), { seed: 2 });
  try {
    expect(paramCounts(model)).toEqual({ trainable: analysis.totals.trainable, nonTrainable: analysis.totals.nonTrainable });
    expect(model.outputs[0].shape.slice(1)).toEqual([...(analysis.output ?? [])]);
  } finally {
    model.dispose();
  }
}

describe('compiling the presets', () => {
  beforeAll(async () => {
    await selectBackend({ backend: 'wasm' });
  });

  // The as-printed variant has residual width errors on purpose (see its note).
  const buildable = presets.map((p) => p.name).filter((name) => name !== 'inception-resnet-v2-as-printed');

  it.each(buildable)('%s at a small size matches the analysis (params, output shape)', (name) => {
    expectMatchesAnalysis(name, { input: 75, width: 0.25, repeats: [1, 1, 1], classes: 10 });
  });

  it.each(['inception-v4', 'inception-resnet-v2-tfslim'])('%s at 299×299 matches the analysis', (name) => {
    expectMatchesAnalysis(name, {});
  });

  it.each([
    ['inception-resnet-v2-as-printed', buildPreset('inception-resnet-v2-as-printed', { input: 75, width: 0.25, repeats: [1, 1, 1] })],
    ['inception-v4 missing an edge', (() => {
      const doc = buildPreset('inception-v4', { input: 75, width: 0.25, repeats: [1, 1, 1] });
      return { ...doc, edges: doc.edges.slice(1) };
    })()],
  ])('refuses a design with analysis errors (%s), carrying the diagnostics', (_name, broken) => {
    const before = tf.memory().numTensors;
    let thrown: unknown;
    try {
      compileDesign(broken);
    } catch (error) {
      thrown = error;
    }
    expect(thrown).toBeInstanceOf(DesignErrorsError);
    expect((thrown as DesignErrorsError).diagnostics.length).toBeGreaterThan(0);
    expect((thrown as Error).message).toMatch(/has \d+ errors? and cannot be built/);
    expect(tf.memory().numTensors).toBe(before);
  });
});
