/**
 * Recovery copies of unsaved designs, one JSON file per window or tab in the host's own folder
 * (desktop: the app's data folder; web host: `.inception-studio/recovery` in its first root).
 * Each write is atomic, so a crash mid-write keeps the previous copy.
 */

import { mkdir, readdir, readFile, rm } from 'node:fs/promises';
import { join } from 'node:path';
import type { FileRef, RecoveryCopy } from '../../app/protocol';
import { errorMessage, type Result } from '../../app/result';
import { writeFileAtomic } from '../../app/node/files/writeFileAtomic';

const FORMAT = 'inception-studio/recovery';
const ID = /^[A-Za-z0-9_-]{1,64}$/;

export interface RecoveryStore {
  save(copy: { id: string; name: string; file?: FileRef; text: string }): Promise<Result<null>>;
  list(): Promise<Result<RecoveryCopy[]>>;
  discard(id: string): Promise<Result<null>>;
  /** Removes the copies this host process wrote (its window closed with the user's consent). */
  discardOwn(): Promise<void>;
}

function parseCopy(text: string): RecoveryCopy | null {
  try {
    const value = JSON.parse(text) as Partial<RecoveryCopy> & { format?: unknown };
    if (value.format !== FORMAT || typeof value.id !== 'string' || typeof value.text !== 'string' || typeof value.savedAt !== 'string') return null;
    const file = value.file && typeof value.file.path === 'string' && typeof value.file.name === 'string' ? { path: value.file.path, name: value.file.name } : undefined;
    return { id: value.id, name: typeof value.name === 'string' ? value.name : 'Untitled', savedAt: value.savedAt, text: value.text, ...(file ? { file } : {}) };
  } catch {
    return null;
  }
}

export function createRecoveryStore(folder: string, now: () => Date = () => new Date()): RecoveryStore {
  const own = new Set<string>();
  const pathOf = (id: string): string | null => (ID.test(id) ? join(folder, `${id}.json`) : null);
  const badId = (id: string) => ({ ok: false as const, error: `"${id}" is not a recovery copy id (letters, digits, - and _; at most 64)` });

  return {
    async save({ id, name, file, text }) {
      const path = pathOf(id);
      if (!path) return badId(id);
      try {
        await mkdir(folder, { recursive: true });
        const copy = { format: FORMAT, version: 1, id, name, ...(file ? { file } : {}), savedAt: now().toISOString(), text };
        await writeFileAtomic(path, JSON.stringify(copy));
        own.add(id);
        return { ok: true, value: null };
      } catch (error) {
        return { ok: false, error: `Could not keep a recovery copy in ${folder}: ${errorMessage(error)}` };
      }
    },

    async list() {
      const names = await readdir(folder).catch(() => [] as string[]);
      const copies: RecoveryCopy[] = [];
      for (const name of names.filter((entry) => entry.endsWith('.json') && ID.test(entry.slice(0, -5)))) {
        const copy = parseCopy(await readFile(join(folder, name), 'utf8').catch(() => ''));
        // A copy that does not read back is not offered; it stays on disk for a person to look at.
        if (copy && copy.id === name.slice(0, -5)) copies.push(copy);
      }
      return { ok: true, value: copies.sort((a, b) => b.savedAt.localeCompare(a.savedAt)) };
    },

    async discard(id) {
      const path = pathOf(id);
      if (!path) return badId(id);
      try {
        await rm(path, { force: true });
        own.delete(id);
        return { ok: true, value: null };
      } catch (error) {
        return { ok: false, error: `Could not remove the recovery copy ${path}: ${errorMessage(error)}` };
      }
    },

    async discardOwn() {
      await Promise.all([...own].map((id) => this.discard(id)));
    },
  };
}
