import { useId, type ReactNode } from 'react';
import { useFocusTrap } from '../../hooks/useFocusTrap';
import './ModelExportDialog.css';

/** What the dialog last did, shown above its buttons: a status line, or an error. */
export type DialogMessage = { error: string } | { text: string };

interface ModelDialogFrameProps {
  title: string;
  message: DialogMessage;
  onClose(): void;
  /** The buttons after Close. */
  actions: ReactNode;
  children: ReactNode;
}

/** The modal both File › Export model… and Import model… use: title, body, what happened, Close and the actions. */
export function ModelDialogFrame({ title, message, onClose, actions, children }: ModelDialogFrameProps) {
  const id = useId();
  const dialog = useFocusTrap<HTMLDivElement>({ onEscape: onClose });
  return (
    <div className="modal">
      <div ref={dialog} className="modal__panel model-export" role="dialog" aria-modal="true" aria-labelledby={`${id}-title`}>
        <h2 id={`${id}-title`} className="modal__title">
          {title}
        </h2>
        {children}
        {'error' in message ? (
          <p role="alert" className="model-export__error">
            {message.error}
          </p>
        ) : (
          <p role="status" className="model-export__status">
            {message.text}
          </p>
        )}
        <div className="model-export__actions">
          <button type="button" className="dialog-button" onClick={onClose}>
            Close
          </button>
          {actions}
        </div>
      </div>
    </div>
  );
}
