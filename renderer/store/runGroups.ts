/**
 * The run list: runs grouped by the design file they were started from (not the design's
 * internal name, which presets and copies share), the open design's group first, each row's
 * state taken from this window's live run when there is one, so it never reads "running" for
 * a run that has stopped.
 */

import type { RunSummary } from '../../app/protocol';
import type { RunStatus, RunView } from './runEvents';

export interface RunRow extends RunSummary {
  /** What the row says the run is doing. */
  status: RunStatus | RunSummary['state'];
  /** Whether this window follows the run live (it can be shown as the current run). */
  live: boolean;
}

export interface RunGroup {
  key: string;
  /** The file name, or the design's name for runs of a design never saved. */
  title: string;
  /** The file's full path; null for an unsaved design. */
  path: string | null;
  /** The group of the design open in the window. */
  current: boolean;
  runs: RunRow[];
}

const STATUS_TEXT: Readonly<Record<RunRow['status'], string>> = {
  starting: 'starting',
  running: 'training',
  paused: 'paused',
  stopping: 'stopping',
  completed: 'completed',
  cancelled: 'stopped',
  failed: 'failed',
  crashed: 'crashed',
};

export const runStatusLabel = (status: RunRow['status']): string => STATUS_TEXT[status];

const groupKey = (run: Pick<RunSummary, 'designFile' | 'designName'>): string => run.designFile ?? `unsaved:${run.designName}`;
const fileName = (path: string): string => path.split(/[\\/]/).pop() ?? path;

export function groupRuns(summaries: readonly RunSummary[], live: Readonly<Record<string, RunView>>, open: { file: string | null; name: string }): RunGroup[] {
  const currentKey = groupKey({ designFile: open.file, designName: open.name });
  const groups = new Map<string, RunGroup>();
  for (const summary of summaries) {
    const key = groupKey(summary);
    let group = groups.get(key);
    if (!group) {
      group = { key, title: summary.designFile ? fileName(summary.designFile) : summary.designName, path: summary.designFile, current: key === currentKey, runs: [] };
      groups.set(key, group);
    }
    const view = live[summary.runId];
    group.runs.push({ ...summary, status: view?.status ?? summary.state, epochs: view ? Math.max(view.epoch, summary.epochs) : summary.epochs, live: view !== undefined });
  }
  return [...groups.values()].sort((a, b) => Number(b.current) - Number(a.current));
}
