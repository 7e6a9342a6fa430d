/**
 * Files crossing between the user's machine and the host: uploads into a root folder, and a
 * model directory packed as one zip for a browser download. Both pass the host's path policy.
 */

import { readdir, readFile, stat } from 'node:fs/promises';
import { basename, join } from 'node:path';
import { MODEL_FILES } from '../../app/node/modelDir/format';
import { errorMessage } from '../../app/result';
import { writeUploads } from '../files/uploads';
import { zipArchive } from '../files/zipArchive';
import type { Handlers } from './handlerTypes';
import type { HostServices } from './hostServices';

type TransferHandlers = Pick<Handlers, 'uploadFiles' | 'modelArchive'>;

/** Base64 of this much stays well inside a JavaScript string (about 512 Mi characters). */
export const MODEL_ARCHIVE_MAX_BYTES = 300 * 1024 * 1024;

const fail = (error: string): { ok: false; error: string } => ({ ok: false, error });

export function transferHandlers({ paths }: HostServices): TransferHandlers {
  return {
    uploadFiles: ({ folder, files }) => writeUploads(paths, folder, files),

    async modelArchive({ source, name }) {
      const from = await paths.check(source);
      if (!from.ok) return from;
      // Stryker disable next-line ArrowFunction: undefined and null both read as "no listing" below
      const names = await readdir(from.value, { withFileTypes: true }).catch(() => null);
      if (!names?.some((entry) => entry.isFile() && entry.name === MODEL_FILES.topology)) return fail(`${from.value} is not a model directory (no ${MODEL_FILES.topology})`);
      const files = names.filter((entry) => entry.isFile() && !entry.name.startsWith('.')).map((entry) => join(from.value, entry.name));
      const sizes = await Promise.all(files.map((file) => stat(file).then((info) => info.size)));
      const total = sizes.reduce((sum, size) => sum + size, 0);
      if (total > MODEL_ARCHIVE_MAX_BYTES) {
        return fail(`${from.value} holds ${(total / 2 ** 20).toFixed(0)} MiB, more than a browser download can carry here (${MODEL_ARCHIVE_MAX_BYTES / 2 ** 20} MiB): copy the folder from the host instead (scp -r)`);
      }
      // The archive unpacks into one folder; a requested name is reduced to a plain file name.
      const folder = basename(name ?? from.value).replace(/^\.+/, '') || basename(from.value);
      try {
        const entries = await Promise.all(files.map(async (file) => ({ name: `${folder}/${basename(file)}`, bytes: await readFile(file) })));
        return { ok: true, value: { name: `${folder}.zip`, base64: zipArchive(entries).toString('base64') } };
      } catch (error) {
        return fail(`Could not pack ${from.value}: ${errorMessage(error)}`);
      }
    },
  };
}
