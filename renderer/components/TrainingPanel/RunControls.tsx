import { memo } from 'react';
import { classifierResize } from '../../../app/design/classifierResize';
import { serializeDesign } from '../../../app/design/document';
import { acceptClassifierResizeAction } from '../../actions/designActions';
import { trainConfigProblems } from '../../../app/training/defaults';
import { useEditor } from '../../hooks/useEditor';
import { useEditorContext } from '../../hooks/useEditorContext';
import { useFocusNode } from '../../hooks/useFocusNode';
import { useRun, useRunStore } from '../../hooks/useRun';
import { imageCacheProblem } from '../../../app/training/imageCache';
import { workersProblem } from '../../../app/training/replicas';
import { continueRun, pauseRun, startRun, stopRun, type TrainSetup } from '../../store/runCommands';
import { isRunActive, runProgress } from '../../store/runEvents';
import { runStatusText } from '../../store/runText';
import { currentRun, isDesignLocked } from '../../store/runStore';
import { ClassifierResizePrompt } from './ClassifierResizePrompt';

/** Start, pause, continue, stop and resume-from-checkpoint, with the progress of the current run. */
function RunControlsView() {
  const { host, store: editor } = useEditorContext();
  const store = useRunStore();
  const focusNode = useFocusNode();
  const run = useRun(currentRun);
  const locked = useRun(isDesignLocked);
  const busy = useRun((s) => s.busy);
  const error = useRun((s) => s.error);
  const config = useRun((s) => s.setup.config);
  const designErrors = useEditor((s) => s.analysis.diagnostics.filter((d) => d.severity === 'error').length);

  const workers = useRun((s) => s.setup.workers);
  const workersWrong = workers === null ? null : workersProblem(workers);
  const cacheMegabytes = useRun((s) => s.setup.imageCacheMegabytes);
  const cacheWrong = cacheMegabytes === null ? null : imageCacheProblem(cacheMegabytes);
  const problems = [...trainConfigProblems(config), ...(workersWrong ? [`Worker threads: ${workersWrong}.`] : []), ...(cacheWrong ? [`Image cache: ${cacheWrong}.`] : [])];
  const blocker = designErrors > 0 ? `The design has ${designErrors} error${designErrors === 1 ? '' : 's'}: fix them in the Design view first.` : problems[0] ?? null;

  const setupFor = (): TrainSetup => {
    const { setup } = store.getState();
    const data = setup.dataPath.trim();
    const file = editor.getState().file;
    const memoryBytes = setup.memoryGiB > 0 ? Math.round(setup.memoryGiB * 2 ** 30) : undefined;
    return {
      design: serializeDesign(editor.getState().document),
      config: setup.config,
      ...(data ? { data } : {}),
      ...(setup.backend ? { backend: setup.backend } : {}),
      ...(memoryBytes ? { memoryBytes } : {}),
      ...(setup.workers !== null ? { workers: setup.workers } : {}),
      ...(setup.imageCacheMegabytes !== null ? { imageCacheMegabytes: setup.imageCacheMegabytes } : {}),
      ...(file ? { designFile: file.path } : {}),
    };
  };

  // A run sizes the classifier to the dataset's classes: when the scan says it would, ask first.
  const start = () => {
    const { scan, setup } = store.getState();
    const classes = scan?.report && scan.path === setup.dataPath.trim() ? scan.report.classes.length : undefined;
    const resize = classifierResize(editor.getState().document, classes);
    if (!resize) return void startRun(host, store, setupFor());
    editor.getState().setUi({ classifierResize: resize });
    // The question is about the design: show the classifier it would change.
    focusNode(resize.node);
  };
  const acceptResize = () => {
    const resize = editor.getState().ui.classifierResize;
    editor.getState().setUi({ classifierResize: null });
    if (resize) editor.getState().run(acceptClassifierResizeAction, resize.to);
    void startRun(host, store, setupFor());
  };

  const active = run !== null && isRunActive(run.status);
  const resumable = run !== null && !active && run.status !== 'completed' && run.lastCheckpoint !== null;
  const progress = run ? runProgress(run) : 0;

  return (
    <section className="run-controls" aria-label="Run controls">
      <div className="training-panel__row">
        <button type="button" className="training-panel__primary" disabled={busy || locked || blocker !== null} onClick={start}>
          Start training
        </button>
        {run?.status === 'paused' ? (
          <button type="button" disabled={busy} onClick={() => void continueRun(host, store, run.runId)}>
            Continue
          </button>
        ) : (
          <button type="button" disabled={busy || run?.status !== 'running'} onClick={() => run && void pauseRun(host, store, run.runId)}>
            Pause
          </button>
        )}
        <button type="button" disabled={busy || !active || run?.status === 'stopping'} onClick={() => run && void stopRun(host, store, run.runId)}>
          Stop
        </button>
        <button type="button" disabled={busy || locked || !resumable} onClick={() => run && void startRun(host, store, { ...setupFor(), config: run.config ?? config }, run.runDir)}>
          Resume from checkpoint
        </button>
      </div>
      <ClassifierResizePrompt onAccept={acceptResize} />
      {blocker && !active ? <p className="training-panel__warning">{blocker}</p> : null}
      {error ? (
        <p role="alert" className="training-panel__error">
          {error}
        </p>
      ) : null}
      {run ? (
        <div className="run-progress">
          <progress aria-label="Training progress" max={1} value={progress} />
          <span role="status" aria-label="Run status">
            {runStatusText(run)}
          </span>
          {run.failure ? (
            <p role="alert" className="training-panel__error">
              {run.failure}
              {run.lastCheckpoint ? ` Last checkpoint: ${run.lastCheckpoint}` : ' No checkpoint was written.'}
            </p>
          ) : null}
        </div>
      ) : null}
    </section>
  );
}

export const RunControls = memo(RunControlsView);
