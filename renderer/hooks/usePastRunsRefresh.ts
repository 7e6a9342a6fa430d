import { useEffect } from 'react';
import type { HostEvent } from '../../app/protocol';
import { refreshPastRuns } from '../store/runCommands';
import { useEditorContext } from './useEditorContext';
import { useRunStore } from './useRun';

/** Soon after a run changes state (started, epoch, paused, ended, crashed) the list is read again. */
const AFTER_EVENT_MS = 500;
/** Runs started elsewhere (another tab, the command line) show up within this. */
const POLL_MS = 10_000;

const changesRuns = (event: HostEvent): boolean =>
  event.type === 'trainer-crashed' || (event.type === 'train' && event.event.type !== 'step' && event.event.type !== 'log' && event.event.type !== 'scan');

/** Keeps the run list current by itself, so no run shows a state it has left. */
export function usePastRunsRefresh(): void {
  const { host } = useEditorContext();
  const store = useRunStore();
  useEffect(() => {
    let timer: ReturnType<typeof setTimeout> | null = null;
    const refresh = () => void refreshPastRuns(host, store);
    refresh();
    const unsubscribe = host.onEvent((event) => {
      if (!changesRuns(event)) return;
      timer ??= setTimeout(() => {
        timer = null;
        refresh();
      }, AFTER_EVENT_MS);
    });
    const poll = setInterval(refresh, POLL_MS);
    return () => {
      unsubscribe();
      clearInterval(poll);
      if (timer !== null) clearTimeout(timer);
    };
  }, [host, store]);
}
