/**
 * Loading a model directory: every file is checked against the size and checksum its metadata
 * recorded, the design is compiled afresh and the saved weights are matched to it by name and
 * shape, so a damaged file, a malformed manifest or weights that do not fit the design are
 * refused with the file (and the layer) named before any tensor is made.
 */

import type * as tf from '@tensorflow/tfjs';
import { readFile, realpath } from 'node:fs/promises';
import path from 'node:path';
import { errorMessage } from '../../result';
import type { Analysis } from '../../analysis/types';
import { parseDesign } from '../../design/document';
import type { DesignDocument } from '../../design/types';
import { inputPreparation, preparationProblem } from '../../training/preprocessing';
import { compileDesign } from '../compile/compileDesign';
import { isInside } from '../../node/files/pathBoundary';
import { verifyDigests } from '../../node/modelDir/fileDigests';
import { MODEL_FILES, MODEL_FORMAT, MODEL_FORMAT_VERSION, ModelDirError, type ModelMetadata } from '../../node/modelDir/format';
import { assignWeights } from './weightMatching';

export interface LoadedModelDir {
  dir: string;
  model: tf.LayersModel;
  design: DesignDocument;
  analysis: Analysis;
  labels: string[];
  metadata: ModelMetadata;
}

/** A file of the directory; a symbolic link that leads out of it is refused, as a host would. */
async function readBytes(dir: string, file: string): Promise<Buffer> {
  try {
    const [realDir, real] = await Promise.all([realpath(dir), realpath(path.join(dir, file))]);
    if (!isInside(realDir, real)) throw new ModelDirError(dir, file, 'is a link that leads out of the model directory');
    return await readFile(real);
  } catch (error) {
    if (error instanceof ModelDirError) throw error;
    const code = (error as NodeJS.ErrnoException).code;
    throw new ModelDirError(dir, file, code === 'ENOENT' ? 'missing' : errorMessage(error));
  }
}

const readText = async (dir: string, file: string): Promise<string> => (await readBytes(dir, file)).toString('utf8');

async function readJson(dir: string, file: string): Promise<unknown> {
  const text = await readText(dir, file);
  try {
    return JSON.parse(text);
  } catch (error) {
    throw new ModelDirError(dir, file, `not valid JSON (${errorMessage(error)})`);
  }
}

const isCount = (n: unknown, min: number): boolean => typeof n === 'number' && Number.isSafeInteger(n) && n >= min;

function checkMetadata(dir: string, value: unknown): ModelMetadata {
  const record = value as Partial<ModelMetadata> | null;
  if (!record || typeof record !== 'object' || record.format !== MODEL_FORMAT) throw new ModelDirError(dir, MODEL_FILES.metadata, `not an Inception Studio model (format should be '${MODEL_FORMAT}')`);
  if (typeof record.version !== 'number') throw new ModelDirError(dir, MODEL_FILES.metadata, 'has no format version');
  if (record.version > MODEL_FORMAT_VERSION) {
    throw new ModelDirError(dir, MODEL_FILES.metadata, `written in model format ${record.version} by a newer Inception Studio; this version reads up to format ${MODEL_FORMAT_VERSION}. Update the app to load it.`);
  }
  const input = record.input;
  const wrong = [
    Array.isArray(input) && input.length === 3 && input.every((n) => isCount(n, 1)) ? null : '"input" should be [height, width, channels]',
    isCount(record.classes, 1) ? null : '"classes" should be a whole number ≥ 1',
  ].filter((problem) => problem !== null);
  if (wrong.length > 0) throw new ModelDirError(dir, MODEL_FILES.metadata, wrong.join('; '));
  // Directories saved before the preparation was recorded used Inception's.
  if (record.preprocessing === undefined) return { ...(record as ModelMetadata), preprocessing: inputPreparation(input!) };
  const problem = preparationProblem(record.preprocessing, input!);
  if (problem) throw new ModelDirError(dir, MODEL_FILES.metadata, problem);
  return record as ModelMetadata;
}

/** The weight entries of `model.json`, each with a name, a shape of whole numbers and float32 values. */
function manifestWeights(dir: string, manifest: unknown): tf.io.WeightsManifestEntry[] {
  const groups = (manifest as { weightsManifest?: unknown } | null)?.weightsManifest;
  const fail = (reason: string): never => {
    throw new ModelDirError(dir, MODEL_FILES.topology, reason);
  };
  if (!Array.isArray(groups)) return fail('has no weightsManifest');
  const specs = groups.flatMap((group: { weights?: unknown }) => (Array.isArray(group?.weights) ? (group.weights as unknown[]) : fail('has a weightsManifest group without a weights list')));
  return specs.map((spec) => {
    const entry = spec as Partial<tf.io.WeightsManifestEntry> | null;
    if (typeof entry?.name !== 'string') return fail('has a weight without a name');
    if (!Array.isArray(entry.shape) || !entry.shape.every((n) => isCount(n, 0))) return fail(`weight '${entry.name}' has shape ${JSON.stringify(entry.shape)}: expected whole numbers ≥ 0`);
    return entry as tf.io.WeightsManifestEntry;
  });
}

export async function loadModelDir(dir: string): Promise<LoadedModelDir> {
  const metadata = checkMetadata(dir, await readJson(dir, MODEL_FILES.metadata));
  if (metadata.files !== undefined) await verifyDigests(dir, metadata.files, MODEL_FILES.metadata);
  const parsed = parseDesign(await readText(dir, MODEL_FILES.design));
  if (!parsed.ok) throw new ModelDirError(dir, MODEL_FILES.design, parsed.error.message);
  const labels = await readJson(dir, MODEL_FILES.labels);
  if (!Array.isArray(labels) || !labels.every((l) => typeof l === 'string')) throw new ModelDirError(dir, MODEL_FILES.labels, 'should be an array of class names');
  const specs = manifestWeights(dir, await readJson(dir, MODEL_FILES.topology));
  const weights = await readBytes(dir, MODEL_FILES.weights);
  const expectedBytes = specs.reduce((n, spec) => n + spec.shape.reduce((a, b) => a * b, 1) * 4, 0);
  if (weights.byteLength !== expectedBytes) {
    const what = weights.byteLength < expectedBytes ? 'truncated' : 'longer than its manifest';
    throw new ModelDirError(dir, MODEL_FILES.weights, `${what}: ${weights.byteLength} bytes, model.json describes ${expectedBytes}`);
  }

  let compiled;
  try {
    compiled = compileDesign(parsed.value.document);
  } catch (error) {
    throw new ModelDirError(dir, MODEL_FILES.design, errorMessage(error));
  }
  try {
    assignWeights(compiled.model, specs, weights);
  } catch (error) {
    compiled.model.dispose();
    throw new ModelDirError(dir, MODEL_FILES.weights, errorMessage(error));
  }
  const classes = compiled.model.outputs[0].shape.at(-1);
  if (labels.length !== classes) {
    compiled.model.dispose();
    throw new ModelDirError(dir, MODEL_FILES.labels, `has ${labels.length} names for ${classes} outputs`);
  }
  return { dir, model: compiled.model, design: parsed.value.document, analysis: compiled.analysis, labels, metadata };
}
