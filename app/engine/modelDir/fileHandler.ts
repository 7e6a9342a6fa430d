/**
 * A tf.io IOHandler that writes the tfjs layers format into a directory: `model.json` (topology
 * and weights manifest) and one `weights.bin`, readable by `tf.loadLayersModel` elsewhere.
 */

import * as tf from '@tensorflow/tfjs';
import { writeFile } from 'node:fs/promises';
import path from 'node:path';
import { MODEL_FILES } from '../../node/modelDir/format';

export interface SavedWeightsInfo {
  weightsBytes: number;
}

export function directorySaveHandler(dir: string, generatedBy: string): tf.io.IOHandler & { saved: SavedWeightsInfo | null } {
  const handler = {
    saved: null as SavedWeightsInfo | null,
    async save(artifacts: tf.io.ModelArtifacts): Promise<tf.io.SaveResult> {
      const weights = artifacts.weightData === undefined ? new ArrayBuffer(0) : tf.io.CompositeArrayBuffer.join(artifacts.weightData);
      const modelJson = {
        format: 'layers-model',
        generatedBy,
        convertedBy: null,
        modelTopology: artifacts.modelTopology,
        weightsManifest: [{ paths: [MODEL_FILES.weights], weights: artifacts.weightSpecs ?? [] }],
      };
      await writeFile(path.join(dir, MODEL_FILES.topology), JSON.stringify(modelJson));
      await writeFile(path.join(dir, MODEL_FILES.weights), new Uint8Array(weights));
      handler.saved = { weightsBytes: weights.byteLength };
      return { modelArtifactsInfo: tf.io.getModelArtifactsInfoForJSON(artifacts) };
    },
  };
  return handler;
}
