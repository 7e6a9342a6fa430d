/**
 * Guards the open document before it is replaced or the window closes: when the renderer has
 * reported unsaved changes, ask Save / Don't Save / Cancel, and for Save wait for the save to
 * finish (a cancelled or failed save keeps the document).
 */

export type UnsavedChoice = 'save' | 'discard' | 'cancel';

export interface DocumentGuardOptions {
  ask(title: string): Promise<UnsavedChoice>;
  /** Asks the renderer to save; resolves true when it saved, false when it did not. */
  save(): Promise<boolean>;
}

export interface DocumentGuard {
  update(state: { title: string; dirty: boolean }): void;
  readonly state: { title: string; dirty: boolean };
  /** Whether the document may be replaced or closed now. */
  mayDiscard(): Promise<boolean>;
}

export function createDocumentGuard(options: DocumentGuardOptions): DocumentGuard {
  let state = { title: 'Untitled', dirty: false };
  let asking: Promise<boolean> | null = null;

  const decide = async (): Promise<boolean> => {
    const choice = await options.ask(state.title);
    if (choice === 'cancel') return false;
    if (choice === 'discard') return true;
    return options.save();
  };

  return {
    update(next) {
      state = { ...next };
    },
    get state() {
      return state;
    },
    mayDiscard() {
      if (!state.dirty) return Promise.resolve(true);
      asking ??= decide().finally(() => (asking = null));
      return asking;
    },
  };
}
