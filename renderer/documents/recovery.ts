/**
 * Never lose work: while the design has unsaved changes the host keeps a recovery copy of it,
 * written a few seconds after a change (at most that much is lost to a crash, a killed
 * process or a closed tab), removed once the design is saved or replaced. On the next start
 * the copies left behind are offered for restoring.
 */

import { parseDesign, serializeDesign } from '../../app/design/document';
import type { RecoveryCopy, StudioHost } from '../../app/protocol';
import { errorMessage } from '../../app/result';
import { isDirty, type EditorStore } from '../store/editorStore';

/** How long after the first unsaved change the copy is written; edits in between ride along. */
export const RECOVERY_DELAY_MS = 2000;

/** One id per page load: a reloaded tab leaves its copy for the new page to offer. */
export function newRecoveryId(): string {
  const bytes = crypto.getRandomValues(new Uint8Array(12));
  return `w${Date.now().toString(36)}-${[...bytes].map((byte) => byte.toString(16).padStart(2, '0')).join('')}`;
}

export interface AutosaveOptions {
  id: string;
  delayMs?: number;
  /** A failed write, once per distinct message (a full disk should not flood the status line). */
  onError(message: string): void;
}

/** Keeps the host's copy of this window's design in step with the store; returns a stop function. */
export function startRecoveryAutosave(store: EditorStore, host: StudioHost, options: AutosaveOptions): () => void {
  const delay = options.delayMs ?? RECOVERY_DELAY_MS;
  let timer: ReturnType<typeof setTimeout> | null = null;
  let written = false;
  let lastError: string | null = null;
  /** Writes and removals go one at a time, so a late write never revives a removed copy. */
  let queue: Promise<unknown> = Promise.resolve();

  const report = (error: string | null) => {
    if (error !== null && error !== lastError) options.onError(error);
    lastError = error;
  };
  const enqueue = (work: () => Promise<unknown>) => {
    queue = queue.then(work).catch((error: unknown) => report(errorMessage(error)));
  };

  const write = () => {
    timer = null;
    const { document, file } = store.getState();
    if (!isDirty(store.getState())) return;
    written = true;
    enqueue(async () => {
      const reply = await host.saveRecovery({ id: options.id, name: document.name, ...(file ? { file } : {}), text: serializeDesign(document) });
      report(reply.ok ? null : reply.error);
    });
  };

  const discard = () => {
    if (timer !== null) clearTimeout(timer);
    timer = null;
    if (!written) return;
    written = false;
    enqueue(() => host.discardRecovery({ id: options.id }));
  };

  const unsubscribe = store.subscribe((state, previous) => {
    if (state.document === previous.document && state.saved === previous.saved) return;
    if (!isDirty(state)) discard();
    else timer ??= setTimeout(write, delay);
  });

  return () => {
    unsubscribe();
    if (timer !== null) clearTimeout(timer);
  };
}

/** Opens a recovery copy as an unsaved design (attached to its file, when it had one) and removes the copy. */
export async function restoreRecoveryCopy(store: EditorStore, host: StudioHost, copy: RecoveryCopy): Promise<boolean> {
  const parsed = parseDesign(copy.text);
  const state = store.getState();
  if (!parsed.ok) {
    state.setProblem({ title: `The recovery copy of “${copy.name}” cannot be opened`, message: parsed.error.message, issues: parsed.error.issues });
    return false;
  }
  state.load(parsed.value.document, copy.file ?? null, { unsaved: true });
  store.getState().setNotice(`Restored “${copy.name}” as it was at ${new Date(copy.savedAt).toLocaleTimeString()}; save it to keep it`);
  await host.discardRecovery({ id: copy.id });
  return true;
}
