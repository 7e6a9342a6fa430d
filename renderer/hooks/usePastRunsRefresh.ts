import { useEffect } from 'react';
import { refreshPastRuns } from '../store/runCommands';
import type { RunView } from '../store/runEvents';
import { useEditorContext } from './useEditorContext';
import { useRunStore } from './useRun';

/** Soon after a run changes state (started, epoch, paused, ended, crashed) the list is read again. */
const AFTER_CHANGE_MS = 500;
/** Runs started elsewhere (another tab, the command line) show up within this. */
const POLL_MS = 10_000;

/** What the list shows of the runs this window follows: their states and epochs. */
const listedShape = (runs: Readonly<Record<string, RunView>>): string =>
  Object.values(runs)
    .map((run) => `${run.runId}:${run.status}:${run.epoch}`)
    .join(' ');

/**
 * Keeps the run list current by itself, so no run shows a state it has left. It follows the runs
 * store, which hears the host's training events through the one host-event handler.
 */
export function usePastRunsRefresh(): void {
  const { host } = useEditorContext();
  const store = useRunStore();
  useEffect(() => {
    let timer: ReturnType<typeof setTimeout> | null = null;
    const refresh = () => void refreshPastRuns(host, store);
    refresh();
    const unsubscribe = store.subscribe((state, previous) => {
      if (state.runs === previous.runs || listedShape(state.runs) === listedShape(previous.runs)) return;
      timer ??= setTimeout(() => {
        timer = null;
        refresh();
      }, AFTER_CHANGE_MS);
    });
    const poll = setInterval(refresh, POLL_MS);
    return () => {
      unsubscribe();
      clearInterval(poll);
      if (timer !== null) clearTimeout(timer);
    };
  }, [host, store]);
}
