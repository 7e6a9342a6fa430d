import { memo, useState } from 'react';
import type { RecoveryCopy } from '../../../app/protocol';
import { confirmDiscard } from '../../documents/documentFiles';
import { restoreRecoveryCopy } from '../../documents/recovery';
import { useEditor } from '../../hooks/useEditor';
import { useEditorContext } from '../../hooks/useEditorContext';
import { useFocusTrap } from '../../hooks/useFocusTrap';
import './RecoveryDialog.css';

const when = (iso: string): string => new Date(iso).toLocaleString();

/** Offers the unsaved designs that earlier windows or tabs left behind: restore one, or discard them. */
function RecoveryDialogView() {
  const copies = useEditor((s) => s.ui.recovery);
  return copies.length > 0 ? <RecoveryPanel copies={copies} /> : null;
}

function RecoveryPanel({ copies }: { copies: readonly RecoveryCopy[] }) {
  const { store, host } = useEditorContext();
  const setUi = useEditor((s) => s.setUi);
  const [error, setError] = useState<string | null>(null);
  // Later: the copies stay with the host and are offered again on the next start.
  const later = () => setUi({ recovery: [] });
  const dialog = useFocusTrap<HTMLDivElement>({ onEscape: later, initialFocus: '.recovery-dialog__restore' });

  const restore = async (copy: RecoveryCopy) => {
    if (!confirmDiscard(store, (message) => window.confirm(message))) return;
    setUi({ recovery: [] });
    await restoreRecoveryCopy(store, host, copy);
  };
  const discard = async (copy: RecoveryCopy) => {
    const reply = await host.discardRecovery({ id: copy.id });
    if (!reply.ok) return setError(reply.error);
    setUi({ recovery: store.getState().ui.recovery.filter((other) => other.id !== copy.id) });
  };

  return (
    <div className="modal recovery-dialog" role="dialog" aria-modal="true" aria-labelledby="recovery-dialog-title" ref={dialog}>
      <div className="modal__panel recovery-dialog__panel">
        <h2 className="recovery-dialog__title" id="recovery-dialog-title">
          Restore unsaved work?
        </h2>
        <p className="recovery-dialog__lead">
          {copies.length === 1 ? 'A design was not saved' : `${copies.length} designs were not saved`} when its window closed, crashed or reloaded. A restored design opens with
          its unsaved changes; save it to keep it.
        </p>
        <ul className="recovery-dialog__copies" aria-label="Unsaved designs">
          {copies.map((copy) => (
            <li key={copy.id} className="recovery-dialog__copy" aria-label={copy.name}>
              <span className="recovery-dialog__name">{copy.name}</span>
              <span className="recovery-dialog__detail">
                {copy.file ? copy.file.path : 'never saved'} · kept {when(copy.savedAt)}
              </span>
              <span className="recovery-dialog__actions">
                <button type="button" className="dialog-button recovery-dialog__restore" aria-label={`Restore ${copy.name}`} onClick={() => void restore(copy)}>
                  Restore
                </button>
                <button type="button" className="dialog-button" aria-label={`Discard ${copy.name}`} onClick={() => void discard(copy)}>
                  Discard
                </button>
              </span>
            </li>
          ))}
        </ul>
        {error ? (
          <p role="alert" className="recovery-dialog__error">
            {error}
          </p>
        ) : null}
        <div className="recovery-dialog__buttons">
          <button type="button" className="dialog-button" onClick={later}>
            Decide later
          </button>
        </div>
      </div>
    </div>
  );
}

export const RecoveryDialog = memo(RecoveryDialogView);
