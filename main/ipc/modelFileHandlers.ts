/**
 * The window's File › Export model… and Import model…: the host checks the paths, chooses where
 * to write (a native dialog, a named path, or a free name in the first root) through the write
 * policy, then hands the work to the engine worker, which runs what `inception-studio export`
 * and `import` run. A browser download is written to a temporary folder first and sent back as
 * the file, or a folder export as one `.zip`.
 */

import { mkdtemp, readdir, readFile, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { basename, dirname, join } from 'node:path';
import { EXPORT_FORMATS, type ModelExportRequest, type ModelExportResult, type Result } from '../../app/protocol';
import { errorMessage } from '../../app/result';
import { zipArchive } from '../files/zipArchive';
import type { Handlers } from './handlerTypes';
import type { HostServices } from './hostServices';
import { saveTarget } from './saveTarget';
import { MODEL_ARCHIVE_MAX_BYTES } from './transferHandlers';

type ModelFileHandlers = Pick<Handlers, 'exportModel' | 'importModel' | 'chooseImportSource'>;

const fail = (error: string): { ok: false; error: string } => ({ ok: false, error });
const exists = (path: string): Promise<boolean> => stat(path).then(() => true, () => false);

/** The name an export is offered under: a file gets its format's extension. */
function exportName({ format, suggestedName }: ModelExportRequest): string {
  const name = basename(suggestedName);
  return EXPORT_FORMATS[format].writes === 'file' && !name.toLowerCase().endsWith(`.${format}`) ? `${name}.${format}` : name;
}

/** The export written at `out` as one download: the file itself, or the folder zipped. */
async function packed(out: string, name: string, writes: 'file' | 'folder'): Promise<Result<ModelExportResult>> {
  const files = writes === 'file' ? [out] : (await readdir(out, { withFileTypes: true })).filter((entry) => entry.isFile()).map((entry) => join(out, entry.name));
  const sizes = await Promise.all(files.map((file) => stat(file).then((info) => info.size)));
  const total = sizes.reduce((sum, size) => sum + size, 0);
  if (total > MODEL_ARCHIVE_MAX_BYTES) return fail(`The export holds ${(total / 2 ** 20).toFixed(0)} MiB, more than a browser download can carry here (${MODEL_ARCHIVE_MAX_BYTES / 2 ** 20} MiB): export it on the host instead`);
  if (writes === 'file') return { ok: true, value: { kind: 'download', name, base64: (await readFile(out)).toString('base64') } };
  const entries = await Promise.all(files.map(async (file) => ({ name: `${name}/${basename(file)}`, bytes: await readFile(file) })));
  return { ok: true, value: { kind: 'download', name: `${name}.zip`, base64: zipArchive(entries).toString('base64') } };
}

export function modelFileHandlers(services: HostServices): ModelFileHandlers {
  const { paths, dialogs, compute } = services;
  return {
    async exportModel(request) {
      let source = request.source;
      if (source.kind === 'modelDir') {
        const checked = await paths.check(source.path);
        if (!checked.ok) return checked;
        source = { kind: 'modelDir', path: checked.value };
      }
      const name = exportName(request);
      const writes = EXPORT_FORMATS[request.format].writes;
      if (request.to === 'download') {
        const temp = await mkdtemp(join(tmpdir(), 'inception-studio-export-'));
        try {
          const written = await compute.exportModel({ ...request, source, to: 'host', path: join(temp, name) });
          return written.ok ? await packed(join(temp, name), name, writes) : written;
        } catch (error) {
          return fail(`Could not pack the export: ${errorMessage(error)}`);
        } finally {
          // Stryker disable next-line BooleanLiteral: the folder was made above and only this removes it, so it is there to remove
          await rm(temp, { recursive: true, force: true });
        }
      }
      const pick = writes === 'file' ? (d: NonNullable<typeof dialogs>) => d.chooseExportTarget(name) : (d: NonNullable<typeof dialogs>) => d.chooseModelSaveTarget(name);
      const target = await saveTarget(services, writes === 'file' ? 'export' : 'exportFolder', request.path, pick, name);
      if (!target.ok || target.value === null) return target as Result<null>;
      return compute.exportModel({ ...request, source, path: target.value });
    },

    async chooseImportSource({ kind }) {
      if (!dialogs) return fail('The web host has no file dialog: browse its folders for what to import');
      const chosen = await dialogs.chooseImportSource(kind);
      if (chosen === null) return { ok: true, value: null };
      // A checkpoint is read with its run folder's run.json, two folders up.
      await paths.grant(/\.(pt|npz)$/.test(chosen) ? dirname(dirname(chosen)) : chosen);
      return { ok: true, value: chosen };
    },

    async importModel({ source, path, suggestedName }) {
      const from = await paths.check(source);
      if (!from.ok) return from;
      const target = await saveTarget(services, 'modelDir', path, (d) => d.chooseModelSaveTarget(suggestedName), suggestedName);
      if (!target.ok || target.value === null) return target as Result<null>;
      if (await exists(target.value)) return fail(`${target.value} already exists: choose a new name for the model`);
      return compute.importModel({ source: from.value, path: target.value, suggestedName });
    },
  };
}
