/**
 * What every import reads, whatever the file: the design the weights belong to, the class names,
 * and the weights themselves, checked against the design's export graph.
 */

import { readFile } from 'node:fs/promises';
import { parseDesign } from '../../design/document';
import type { DesignDocument } from '../../design/types';
import type { ExportGraph, ExportTensor } from '../../export/exportGraph';
import { errorMessage } from '../../result';

/** Input that cannot be imported; the message names the file (and the tensor). */
export class ImportError extends Error {}

export interface ImportSource {
  design: DesignDocument;
  classNames: string[];
  /** The Studio's weights (keyed `<layer id>/<weight>`); an ImportError names the first tensor that does not fit `graph`. */
  studioWeights(graph: ExportGraph): Map<string, ExportTensor>;
}

export async function readJson(file: string): Promise<unknown> {
  try {
    return JSON.parse(await readFile(file, 'utf8'));
  } catch (error) {
    throw new ImportError(`Cannot read ${file}: ${errorMessage(error)}.`);
  }
}

/** The design document in `text`, read from `file` (named in the error). */
export function designOf(text: string, file: string): DesignDocument {
  const parsed = parseDesign(text);
  if (!parsed.ok) throw new ImportError(`${file}: ${parsed.error.message}`);
  return parsed.value.document;
}
