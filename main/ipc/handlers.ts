/**
 * The contract's handlers as plain functions of validated requests. Both hosts route here:
 * the desktop host from `ipcMain.handle`, the web host from `POST /api/<method>`.
 */

import { readdir, readFile, stat } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import { errorMessage } from '../../app/result';
import type { DirectoryEntry, FileRef, Result } from '../../app/protocol';
import { writeErrorReason } from '../../app/node/files/fileWriteError';
import { writeFileAtomic } from '../../app/node/files/writeFileAtomic';
import type { Handlers } from './handlerTypes';
import type { HostServices } from './hostServices';
import { computeHandlers } from './computeHandlers';
import { modelFileHandlers } from './modelFileHandlers';
import { experimentHandlers } from './experimentHandlers';
import { runHandlers } from './runHandlers';
import { MAX_DESIGN_CHARS } from './requestSchemas';
import { saveTarget } from './saveTarget';
import { transferHandlers } from './transferHandlers';

const fail = (error: string): { ok: false; error: string } => ({ ok: false, error });
const fileRef = (path: string): FileRef => ({ path, name: basename(path) });

export function createHandlers(services: HostServices): Handlers {
  const { paths, dialogs, recent, recovery } = services;

  return {
    async info() {
      return { ...services.info, roots: paths.roots };
    },

    async openDesign({ path }) {
      let chosen: string | null;
      if (path !== undefined) {
        const checked = await paths.check(path);
        if (!checked.ok) return checked;
        chosen = checked.value;
      } else if (dialogs) {
        chosen = await dialogs.chooseDesignToOpen();
        if (chosen !== null) await paths.grant(chosen);
      } else {
        return fail('The web host has no file dialog: name a design path inside one of its folders');
      }
      if (chosen === null) return { ok: true, value: null };
      try {
        const size = (await stat(chosen)).size;
        if (size > MAX_DESIGN_CHARS) return fail(`${chosen}: ${size} bytes is too large for a design file`);
        const text = await readFile(chosen, 'utf8');
        const parsed = services.parseDesign(text);
        if (!parsed.ok) return fail(`${chosen} is not a design this app can open.\n${parsed.error.message}`);
        await recent.add(chosen);
        return { ok: true, value: { file: fileRef(chosen), text } };
      } catch (error) {
        return fail(`Could not read ${chosen}: ${errorMessage(error)}`);
      }
    },

    async saveDesign({ path, suggestedName, text }) {
      const parsed = services.parseDesign(text);
      if (!parsed.ok) return fail(`Refusing to save a document that does not parse.\n${parsed.error.message}`);
      const chosen = await saveTarget(services, 'design', path, (d) => d.chooseDesignSaveTarget(suggestedName), suggestedName);
      if (!chosen.ok || chosen.value === null) return chosen as Result<null>;
      try {
        await writeFileAtomic(chosen.value, text);
        await recent.add(chosen.value);
        return { ok: true, value: fileRef(chosen.value) };
      } catch (error) {
        return fail(`Could not save ${chosen.value}: ${writeErrorReason(error, chosen.value)}`);
      }
    },

    async exportFile({ suggestedName, base64 }) {
      const chosen = await saveTarget(services, 'export', undefined, (d) => d.chooseExportTarget(suggestedName), suggestedName);
      if (!chosen.ok || chosen.value === null) return chosen as Result<null>;
      try {
        await writeFileAtomic(chosen.value, Buffer.from(base64, 'base64'));
        return { ok: true, value: fileRef(chosen.value) };
      } catch (error) {
        return fail(`Could not export ${chosen.value}: ${writeErrorReason(error, chosen.value)}`);
      }
    },

    async chooseDataset({ kind }) {
      if (!dialogs) return fail('The web host has no file dialog: browse its folders for the dataset');
      const chosen = await dialogs.chooseDataset(kind);
      if (chosen === null) return { ok: true, value: null };
      // A manifest's rows are relative to its folder, so the folder is what the user chose.
      await paths.grant(kind === 'csv' ? dirname(chosen) : chosen);
      return { ok: true, value: chosen };
    },

    async listDirectory({ path }) {
      const checked = await paths.check(path);
      if (!checked.ok) return checked;
      try {
        const entries = await readdir(checked.value, { withFileTypes: true });
        const listed: DirectoryEntry[] = entries
          .filter((entry) => (entry.isFile() || entry.isDirectory()) && !entry.name.startsWith('.'))
          .map((entry) => ({ name: entry.name, path: join(checked.value, entry.name), kind: entry.isDirectory() ? 'directory' : 'file' }));
        listed.sort((a, b) => (a.kind === b.kind ? a.name.localeCompare(b.name) : a.kind === 'directory' ? -1 : 1));
        return { ok: true, value: listed };
      } catch (error) {
        return fail(`Could not list ${checked.value}: ${errorMessage(error)}`);
      }
    },

    async recentFiles() {
      return recent.list();
    },

    async setDocumentState(state) {
      services.onDocumentState(state);
    },

    saveRecovery: (copy) => recovery.save(copy),
    recoveryCopies: () => recovery.list(),
    discardRecovery: ({ id }) => recovery.discard(id),

    ...computeHandlers(services),
    ...experimentHandlers(services),
    ...runHandlers(services),
    ...transferHandlers(services),
    ...modelFileHandlers(services),
  };
}
