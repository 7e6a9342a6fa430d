/**
 * An `.onnx` file the Studio exported, as an import source: the design and class names from its
 * metadata, the weights from its initializers. A file from elsewhere (no Studio metadata) or a
 * damaged one is refused with the reason.
 */

import { readFile } from 'node:fs/promises';
import { EXPORT_METADATA_FORMAT } from '../../export/exportMetadata';
import { ONNX_DESIGN_DOCUMENT } from '../../export/onnx/exportOnnx';
import { decodeOnnxModel } from '../../export/onnx/onnxModelReader';
import { studioWeightsFromOnnx } from '../../export/onnx/onnxWeights';
import { errorMessage } from '../../result';
import { designOf, ImportError, type ImportSource } from './importSource';

function classNamesOf(text: string | undefined, file: string): string[] {
  try {
    const names: unknown = JSON.parse(text ?? '');
    if (Array.isArray(names) && names.every((name) => typeof name === 'string')) return names;
  } catch {
    // Named below with the rest of what is wrong.
  }
  throw new ImportError(`${file}: its metadata 'classes' is not a JSON array of class names.`);
}

export async function onnxImportSource(file: string): Promise<ImportSource> {
  let bytes: Uint8Array;
  try {
    bytes = new Uint8Array(await readFile(file));
  } catch (error) {
    throw new ImportError(`Cannot read ${file}: ${errorMessage(error)}.`);
  }
  const decoded = decodeOnnxModel(bytes);
  if (!decoded.ok) throw new ImportError(`${file}: ${decoded.error}.`);
  const { metadata, initializers } = decoded.value;
  const designText = metadata[ONNX_DESIGN_DOCUMENT];
  if (metadata.format !== EXPORT_METADATA_FORMAT) {
    throw new ImportError(`${file}: not exported by Inception Studio (its metadata has no format '${EXPORT_METADATA_FORMAT}'); import reads only .onnx files the Studio wrote.`);
  }
  if (designText === undefined) {
    throw new ImportError(`${file}: exported by an earlier Inception Studio, without the design document ('${ONNX_DESIGN_DOCUMENT}') an import checks the weights against; export it again.`);
  }
  return {
    design: designOf(designText, `${file} (metadata '${ONNX_DESIGN_DOCUMENT}')`),
    classNames: classNamesOf(metadata.classes, file),
    studioWeights(graph) {
      const weights = studioWeightsFromOnnx(graph, initializers);
      if (!weights.ok) throw new ImportError(`${file}: ${weights.error}.`);
      return weights.value;
    },
  };
}
