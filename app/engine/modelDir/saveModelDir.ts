/** Saving a model directory: design, tfjs topology + weights, labels, metadata, extra files. */

import { writeFile } from 'node:fs/promises';
import path from 'node:path';
import * as tf from '@tensorflow/tfjs';
import { serializeDesign } from '../../design/document';
import type { DesignDocument } from '../../design/types';
import { inputPreparation } from '../../training/preprocessing';
import { labelsFor } from '../labels';
import { writeDirectoryAtomic } from '../files/writeDirectoryAtomic';
import { directorySaveHandler } from './fileHandler';
import { MODEL_FILES, MODEL_FORMAT, MODEL_FORMAT_VERSION, type ModelMetadata } from './format';

export type DirectoryFiles = Readonly<Record<string, string | Uint8Array>>;

export interface SaveModelDirOptions {
  model: tf.LayersModel;
  design: DesignDocument;
  /** Class names in output order; default: `labelsFor` (design classes, ImageNet, `class N`). */
  labels?: readonly string[];
  metadata?: {
    /** Resume state for the trainer (epoch, step, optimizer settings, …); JSON-serialisable. */
    training?: unknown;
    /** Default: the active tfjs backend. */
    backend?: string;
  };
  /** More files for the trainer (e.g. `optimizer.bin`), written in the same atomic step. */
  extraFiles?: DirectoryFiles;
}

export async function saveModelDir(dir: string, options: SaveModelDirOptions): Promise<ModelMetadata> {
  const { model, design } = options;
  const outputShape = model.outputs[0].shape;
  const classes = outputShape[outputShape.length - 1] ?? 0;
  const labels = options.labels ?? (await labelsFor(classes, design.classes));
  if (labels.length !== classes) throw new Error(`saveModelDir: ${labels.length} labels given for a model with ${classes} outputs`);
  const reserved = new Set<string>(Object.values(MODEL_FILES));
  const clash = Object.keys(options.extraFiles ?? {}).find((name) => reserved.has(name));
  if (clash) throw new Error(`saveModelDir: extra file '${clash}' would replace a model file`);

  let metadata: ModelMetadata | null = null;
  await writeDirectoryAtomic(dir, async (temp) => {
    const handler = directorySaveHandler(temp, `inception-studio (tfjs ${tf.version.tfjs})`);
    await model.save(handler);
    metadata = {
      format: MODEL_FORMAT,
      version: MODEL_FORMAT_VERSION,
      createdAt: new Date().toISOString(),
      backend: options.metadata?.backend ?? tf.getBackend(),
      designName: design.name,
      input: [design.input.height, design.input.width, design.input.channels],
      preprocessing: inputPreparation([design.input.height, design.input.width, design.input.channels]),
      classes,
      weightsBytes: handler.saved?.weightsBytes ?? 0,
      training: options.metadata?.training ?? null,
    };
    await writeFiles(temp, {
      ...options.extraFiles,
      [MODEL_FILES.design]: serializeDesign(design),
      [MODEL_FILES.labels]: JSON.stringify(labels, null, 1) + '\n',
      [MODEL_FILES.metadata]: JSON.stringify(metadata, null, 2) + '\n',
    });
  });
  return metadata!;
}

/** Writes plain files (no subfolders) into `dir`. */
async function writeFiles(dir: string, files: DirectoryFiles): Promise<void> {
  for (const [name, content] of Object.entries(files)) {
    if (name !== path.basename(name) || name.startsWith('.')) throw new Error(`Model directory file name '${name}' must be a plain file name`);
    await writeFile(path.join(dir, name), content);
  }
}
