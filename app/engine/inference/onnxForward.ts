/**
 * Inference of a model directory through onnxruntime-node (MLAS, every core), when it is
 * installed: the directory's ONNX export, cached beside its weights and rebuilt when the
 * weights, design or labels change (their SHA-256 names the export). Without the package the
 * caller falls back to TensorFlow.js.
 */

import { createHash } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { exportOnnx } from '../../export/onnx/exportOnnx';
import { ONNX_LOGITS, ONNX_PROBABILITIES } from '../../export/onnx/onnxGraph';
import { writeFileAtomic } from '../../node/files/writeFileAtomic';
import { MODEL_FILES } from '../../node/modelDir/format';
import { packageVersion } from '../../node/runtimeVersions';
import { readExportGraph } from '../export/readExportGraph';
import type { LoadedModelDir } from '../modelDir/loadModelDir';
import type { OpenedForward } from './batchForward';

/** The cached export and the digest of what it was exported from. */
export const ONNX_CACHE_FILES = { model: 'inference.onnx', key: 'inference.onnx.sha256' } as const;

async function sourceDigest(dir: string): Promise<string> {
  const hash = createHash('sha256');
  for (const file of [MODEL_FILES.weights, MODEL_FILES.design, MODEL_FILES.labels, MODEL_FILES.metadata]) hash.update(await readFile(join(dir, file)));
  return hash.digest('hex');
}

/**
 * The directory's ONNX export: the cached one while its digest matches, else a new one, saved
 * for next time (a directory that cannot be written to still gets the export, uncached).
 */
export async function cachedOnnxExport(loaded: LoadedModelDir): Promise<{ bytes: Uint8Array; rebuilt: boolean }> {
  const digest = await sourceDigest(loaded.dir);
  const modelPath = join(loaded.dir, ONNX_CACHE_FILES.model);
  const keyPath = join(loaded.dir, ONNX_CACHE_FILES.key);
  const cachedKey = await readFile(keyPath, 'utf8').catch(() => null);
  if (cachedKey?.trim() === digest) {
    const bytes = await readFile(modelPath).catch(() => null);
    if (bytes) return { bytes, rebuilt: false };
  }
  const graph = await readExportGraph(loaded.model, loaded.analysis, loaded.design, { classNames: loaded.labels, preprocessing: loaded.metadata.preprocessing });
  const bytes = exportOnnx(graph, packageVersion());
  // The model first, then the key that vouches for it: a crash between leaves a stale key, never a wrong model.
  await writeFileAtomic(modelPath, bytes)
    .then(() => writeFileAtomic(keyPath, `${digest}\n`))
    .catch(() => undefined);
  return { bytes, rebuilt: true };
}

/** NHWC images → NCHW, the export's input layout. */
function channelsFirst(pixels: Float32Array, count: number, [height, width, channels]: readonly number[]): Float32Array {
  const out = new Float32Array(pixels.length);
  const plane = height * width;
  for (let n = 0; n < count; n++) {
    const base = n * plane * channels;
    for (let p = 0; p < plane; p++) for (let c = 0; c < channels; c++) out[base + c * plane + p] = pixels[base + p * channels + c];
  }
  return out;
}

/** The directory's forward pass on onnxruntime-node; null when the package is not installed or cannot load. */
export async function openOnnxForward(loaded: LoadedModelDir): Promise<OpenedForward | null> {
  const runtime = await import('../export/onnxRuntime').catch(() => null);
  if (!runtime) return null;
  const { bytes } = await cachedOnnxExport(loaded);
  const session = await runtime.openOnnxSession(bytes);
  const [height, width, channels] = loaded.metadata.input;
  return {
    forward: async (pixels, count) => {
      const outputs = await session.run(channelsFirst(pixels, count, loaded.metadata.input), [count, channels, height, width]);
      return outputs[ONNX_PROBABILITIES] ?? outputs[ONNX_LOGITS];
    },
    close: () => session.release(),
  };
}
