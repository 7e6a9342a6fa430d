import * as tf from '@tensorflow/tfjs';
import { beforeAll, describe, expect, it } from 'vitest';
import { selectBackend } from '../backends/select';
import { seededValues } from '../testing/seededData';
import { tinyGraph } from '../testing/tinyGraph';
import { BatchNorm } from './batchNorm';
import { compileGraph } from './compileGraph';
import { ScaledResidual } from './scaledResidual';

/** The model's saved form (topology JSON and weights), as `model.save` writes it. */
async function saved(model: tf.LayersModel): Promise<tf.io.ModelArtifacts> {
  let artifacts: tf.io.ModelArtifacts | null = null;
  await model.save(tf.io.withSaveHandler(async (given) => {
    artifacts = given;
    return { modelArtifactsInfo: { dateSaved: new Date(), modelTopologyType: 'JSON' } };
  }));
  return artifacts!;
}

describe('a compiled model, saved and loaded back', () => {
  beforeAll(async () => {
    await selectBackend({ backend: 'wasm' });
  });

  it("names the studio's own layers in the saved topology and loads them as those layers, predicting the same", async () => {
    const model = compileGraph(tinyGraph(), { seed: 7 });
    const artifacts = await saved(model);
    const topology = artifacts.modelTopology as { config: { layers: { class_name: string; config: { name: string } }[] } };
    const classOf = (name: string) => topology.config.layers.find((l) => l.config.name === name)?.class_name;
    // Saved files name these classes; earlier saves must keep loading.
    expect([classOf('stem/conv/bn'), classOf('b1/add')]).toEqual(['InceptionStudioBatchNorm', 'ScaledResidual']);

    const loaded = await tf.loadLayersModel(tf.io.fromMemory(artifacts));
    expect(loaded.getLayer('stem/conv/bn')).toBeInstanceOf(BatchNorm);
    expect(loaded.getLayer('b1/add')).toBeInstanceOf(ScaledResidual);
    expect(loaded.getLayer('b1/add').getConfig()).toMatchObject({ scale: 0.2, activation: 'relu' });
    const images = tf.tensor4d(seededValues(2 * 11 * 11 * 3, 4), [2, 11, 11, 3]);
    const [before, after] = tf.tidy(() => [model, loaded].map((m) => Array.from((m.predict(images) as tf.Tensor).dataSync())));
    expect(after).toEqual(before);
    tf.dispose(images);
    model.dispose();
    loaded.dispose();
  });
});
