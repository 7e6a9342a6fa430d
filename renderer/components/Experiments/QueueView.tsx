import { memo, type KeyboardEvent } from 'react';
import type { QueuedRunState } from '../../../app/experiments/queue';
import type { ExperimentAction, ExperimentStatus } from '../../../app/protocol';
import { useExperiments } from '../../hooks/useExperiments';
import { formatDuration } from '../../store/runText';

interface QueueViewProps {
  status: ExperimentStatus;
  act(action: ExperimentAction): void;
}

const STATE_TEXT: Readonly<Record<QueuedRunState, string>> = {
  queued: 'Queued',
  running: 'Running',
  completed: 'Completed',
  failed: 'Failed',
  cancelled: 'Cancelled',
};

/** What the queue's header says about the time left. */
function leftText(status: ExperimentStatus, toDo: boolean, running: boolean): string {
  if (!toDo) return 'Every run has ended.';
  if (status.queue.paused) return 'Paused: the running run went back in the queue with its checkpoint.';
  if (!status.active) return 'Stopped (the app was closed or the runner ended): Continue picks it up from its checkpoints.';
  if (status.remaining === null) return running ? 'Time left: after the first epoch.' : 'Starting…';
  const { seconds, runs } = status.remaining;
  return `About ${formatDuration(seconds)} left for ${runs} run${runs === 1 ? '' : 's'} (measured from the epochs so far)`;
}

/** The experiment's runs in the order they go: state, progress and time left; pause or resume the queue, move queued runs (Alt+↑/↓ too), cancel runs. */
function QueueViewView({ status, act }: QueueViewProps) {
  const progress = useExperiments((s) => s.live[status.id]?.progress ?? {});
  const { queue, spec } = status;
  const epochs = spec.fixed.epochs;
  const running = queue.runs.some((run) => run.state === 'running');
  const toDo = queue.runs.some((run) => run.state === 'queued' || run.state === 'running');
  const move = (runId: string, index: number) => act({ type: 'move', runId, index });
  const onKey = (event: KeyboardEvent, runId: string, index: number) => {
    if (!event.altKey || (event.key !== 'ArrowUp' && event.key !== 'ArrowDown')) return;
    event.preventDefault();
    move(runId, event.key === 'ArrowUp' ? index - 1 : index + 1);
  };

  return (
    <section className="experiment-queue" aria-label="Queue">
      <div className="experiment-queue__bar">
        <h3 className="panel-subheading">Queue</h3>
        <span className="experiment-queue__left" aria-label="Time left">
          {leftText(status, toDo, running)}
        </span>
        {!toDo ? null : queue.paused || !status.active ? (
          <button type="button" className="dialog-button" onClick={() => act({ type: 'resume' })}>
            {status.active ? 'Resume' : 'Continue'}
          </button>
        ) : (
          <button type="button" className="dialog-button" onClick={() => act({ type: 'pause' })}>
            Pause
          </button>
        )}
      </div>
      <table className="experiment-table" aria-label="Runs">
        <thead>
          <tr>
            <th scope="col">#</th>
            <th scope="col">Run</th>
            <th scope="col">State</th>
            <th scope="col">Progress</th>
            <th scope="col">Left</th>
            <th scope="col">
              <span className="visually-hidden">Actions</span>
            </th>
          </tr>
        </thead>
        <tbody>
          {queue.runs.map((queued, index) => {
            const run = status.runs.find((candidate) => candidate.id === queued.id);
            const result = status.results.find((candidate) => candidate.run.id === queued.id);
            const live = progress[queued.id];
            const done = live ? live.epoch - 1 + (live.stepsPerEpoch > 0 ? live.step / live.stepsPerEpoch : 0) : (result?.curve.length ?? 0);
            const fraction = queued.state === 'completed' ? 1 : Math.min(1, Math.max(0, done / epochs));
            const movable = queued.state === 'queued';
            const label = run ? `${run.variant}, seed ${run.seed}` : queued.id;
            return (
              <tr key={queued.id} data-run={queued.id} data-state={queued.state} tabIndex={movable ? 0 : -1} onKeyDown={(event) => movable && onKey(event, queued.id, index)} aria-label={`${label}: ${STATE_TEXT[queued.state]}`}>
                <td>{index + 1}</td>
                <td>{label}</td>
                <td title={queued.message}>
                  {STATE_TEXT[queued.state]}
                  {queued.message ? ` — ${queued.message}` : ''}
                </td>
                <td>
                  <progress max={1} value={fraction} aria-label={`Progress of ${label}`} />{' '}
                  {live ? `epoch ${live.epoch}/${epochs}, step ${live.step}/${live.stepsPerEpoch}` : `${result?.curve.length ?? 0}/${epochs} epochs`}
                </td>
                <td>{live && live.etaSeconds !== null ? formatDuration(live.etaSeconds) : ''}</td>
                <td className="experiment-table__actions">
                  <button type="button" disabled={!movable || index === 0} aria-label={`Move ${label} up`} onClick={() => move(queued.id, index - 1)}>
                    ↑
                  </button>
                  <button type="button" disabled={!movable || index === queue.runs.length - 1} aria-label={`Move ${label} down`} onClick={() => move(queued.id, index + 1)}>
                    ↓
                  </button>
                  <button type="button" disabled={queued.state !== 'queued' && queued.state !== 'running'} aria-label={`Cancel ${label}`} onClick={() => act({ type: 'cancel', runId: queued.id })}>
                    Cancel
                  </button>
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </section>
  );
}

export const QueueView = memo(QueueViewView);
