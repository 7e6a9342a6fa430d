/**
 * Loading a model directory: the design is compiled afresh and the saved weights are matched
 * to it by name and shape, so weights that do not fit the design are refused with the layer
 * named, and a truncated weights file is caught before any tensor is made.
 */

import type * as tf from '@tensorflow/tfjs';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import type { Analysis } from '../../analysis/types';
import { parseDesign } from '../../design/document';
import type { DesignDocument } from '../../design/types';
import { inputPreparation, preparationProblem } from '../../training/preprocessing';
import { compileDesign } from '../compile/compileDesign';
import { MODEL_FILES, MODEL_FORMAT, MODEL_FORMAT_VERSION, ModelDirError, type ModelMetadata } from './format';
import { assignWeights } from './weightMatching';

export interface LoadedModelDir {
  dir: string;
  model: tf.LayersModel;
  design: DesignDocument;
  analysis: Analysis;
  labels: string[];
  metadata: ModelMetadata;
}

async function readText(dir: string, file: string): Promise<string> {
  try {
    return await readFile(path.join(dir, file), 'utf8');
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    throw new ModelDirError(dir, file, code === 'ENOENT' ? 'missing' : (error as Error).message);
  }
}

async function readJson(dir: string, file: string): Promise<unknown> {
  const text = await readText(dir, file);
  try {
    return JSON.parse(text);
  } catch (error) {
    throw new ModelDirError(dir, file, `not valid JSON (${(error as Error).message})`);
  }
}

function checkMetadata(dir: string, value: unknown): ModelMetadata {
  const record = value as Partial<ModelMetadata> | null;
  if (!record || typeof record !== 'object' || record.format !== MODEL_FORMAT) throw new ModelDirError(dir, MODEL_FILES.metadata, `not an Inception Studio model (format should be '${MODEL_FORMAT}')`);
  if (typeof record.version !== 'number') throw new ModelDirError(dir, MODEL_FILES.metadata, 'has no format version');
  if (record.version > MODEL_FORMAT_VERSION) {
    throw new ModelDirError(dir, MODEL_FILES.metadata, `written in model format ${record.version} by a newer Inception Studio; this version reads up to format ${MODEL_FORMAT_VERSION}. Update the app to load it.`);
  }
  const input = record.input;
  if (!Array.isArray(input) || input.length !== 3 || !input.every((n) => Number.isSafeInteger(n) && n > 0)) throw new ModelDirError(dir, MODEL_FILES.metadata, 'input should be [height, width, channels]');
  // Directories saved before the preparation was recorded used Inception's.
  if (record.preprocessing === undefined) return { ...(record as ModelMetadata), preprocessing: inputPreparation(input) };
  const problem = preparationProblem(record.preprocessing, input);
  if (problem) throw new ModelDirError(dir, MODEL_FILES.metadata, problem);
  return record as ModelMetadata;
}

interface WeightsManifest {
  weightsManifest?: { paths: string[]; weights: tf.io.WeightsManifestEntry[] }[];
}

export async function loadModelDir(dir: string): Promise<LoadedModelDir> {
  const metadata = checkMetadata(dir, await readJson(dir, MODEL_FILES.metadata));
  const parsed = parseDesign(await readText(dir, MODEL_FILES.design));
  if (!parsed.ok) throw new ModelDirError(dir, MODEL_FILES.design, parsed.message);
  const labels = await readJson(dir, MODEL_FILES.labels);
  if (!Array.isArray(labels) || !labels.every((l) => typeof l === 'string')) throw new ModelDirError(dir, MODEL_FILES.labels, 'should be an array of class names');
  const manifest = (await readJson(dir, MODEL_FILES.topology)) as WeightsManifest;
  const specs = manifest.weightsManifest?.flatMap((group) => group.weights);
  if (!specs) throw new ModelDirError(dir, MODEL_FILES.topology, 'has no weightsManifest');
  const weights = await readFile(path.join(dir, MODEL_FILES.weights)).catch(() => {
    throw new ModelDirError(dir, MODEL_FILES.weights, 'missing');
  });
  const expectedBytes = specs.reduce((n, spec) => n + spec.shape.reduce((a, b) => a * b, 1) * 4, 0);
  if (weights.byteLength !== expectedBytes) {
    const what = weights.byteLength < expectedBytes ? 'truncated' : 'longer than its manifest';
    throw new ModelDirError(dir, MODEL_FILES.weights, `${what}: ${weights.byteLength} bytes, model.json describes ${expectedBytes}`);
  }

  let compiled;
  try {
    compiled = compileDesign(parsed.document);
  } catch (error) {
    throw new ModelDirError(dir, MODEL_FILES.design, (error as Error).message);
  }
  try {
    assignWeights(compiled.model, specs, weights);
  } catch (error) {
    compiled.model.dispose();
    throw new ModelDirError(dir, MODEL_FILES.weights, (error as Error).message);
  }
  const classes = compiled.model.outputs[0].shape.at(-1);
  if (labels.length !== classes) {
    compiled.model.dispose();
    throw new ModelDirError(dir, MODEL_FILES.labels, `has ${labels.length} names for ${classes} outputs`);
  }
  return { dir, model: compiled.model, design: parsed.document, analysis: compiled.analysis, labels, metadata };
}
