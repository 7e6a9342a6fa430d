/**
 * The hosts' `exportModel` and `importModel` calls (app/protocol.ts) on the engine, once the
 * host has chosen where to write: the same `exportModel` and `importModel` the command line's
 * `export` and `import` run, so the window has no second implementation.
 */

import { basename } from 'node:path';
import { parseDesign } from '../../design/document';
import { writeExportOutput } from '../../node/files/writeExportOutput';
import { packageVersion } from '../../node/runtimeVersions';
import type { ImportedModel, ModelExportRequest, ModelExportResult, Result } from '../../protocol';
import type { ProgressCallback } from '../../training/progress';
import { selectBackend } from '../backends/select';
import type { ModelSource } from '../modelSource';
import { exportModel } from './exportModel';
import { importModel } from './importWeights';

/** Writes the export at `path` (a file or a new folder, as its format writes). */
export async function runModelExport(request: ModelExportRequest & { path: string }, onProgress?: ProgressCallback): Promise<Result<ModelExportResult>> {
  let source: ModelSource;
  if (request.source.kind === 'design') {
    const parsed = parseDesign(request.source.design);
    if (!parsed.ok) return { ok: false, error: `The design cannot be read: ${parsed.error.message}` };
    source = { kind: 'design', design: parsed.value.document, seed: request.source.seed };
  } else {
    source = { kind: 'modelDir', path: request.source.path };
  }
  await selectBackend({});
  const output = await exportModel(source, request.format, { appVersion: packageVersion(), ...(onProgress ? { onProgress } : {}) });
  const written = await writeExportOutput(request.path, output);
  return written.ok ? { ok: true, value: { kind: 'saved', file: { path: written.value, name: basename(written.value) } } } : written;
}

/** Writes the model directory `path` from what `source` holds. */
export async function runModelImport({ source, path }: { source: string; path: string }): Promise<Result<ImportedModel>> {
  await selectBackend({});
  const imported = await importModel(source, path);
  return { ok: true, value: { file: { path, name: basename(path) }, designName: imported.design.name, classNames: imported.classNames } };
}
