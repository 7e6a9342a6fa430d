import { memo, useEffect, useId, useRef, type KeyboardEvent } from 'react';
import { useEditor } from '../../hooks/useEditor';
import { useEditorStore } from '../../hooks/useEditorStore';

/**
 * Asked before a run that would size the classifier to the dataset: accept (the design's class
 * count becomes the dataset's, one undo step, and the run starts) or cancel (no run, the design
 * as it was). Escape cancels; the accept button takes focus.
 */
function ClassifierResizePromptView({ onAccept }: { onAccept(): void }) {
  const editor = useEditorStore();
  const resize = useEditor((s) => s.ui.classifierResize);
  const accept = useRef<HTMLButtonElement>(null);
  const text = useId();
  useEffect(() => {
    if (resize) accept.current?.focus();
  }, [resize]);
  if (!resize) return null;
  const cancel = () => editor.getState().setUi({ classifierResize: null });
  const onKeyDown = (event: KeyboardEvent) => {
    if (event.key !== 'Escape') return;
    event.stopPropagation();
    cancel();
  };
  return (
    <div className="training-panel__resize" role="group" aria-label="Classifier resize" aria-describedby={text} onKeyDown={onKeyDown}>
      <p id={text}>
        The dataset has {resize.to} classes, but the classifier {resize.node} has {resize.from} outputs. Training needs one output per class.
      </p>
      <div className="training-panel__row">
        <button type="button" ref={accept} className="training-panel__primary" onClick={onAccept}>
          Use {resize.to} classes and start
        </button>
        <button type="button" onClick={cancel}>
          Cancel
        </button>
      </div>
    </div>
  );
}

export const ClassifierResizePrompt = memo(ClassifierResizePromptView);
