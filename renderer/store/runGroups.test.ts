import { describe, expect, it } from 'vitest';
import type { RunSummary } from '../../app/protocol';
import { newRunView } from './runEvents';
import { groupRuns, runStatusLabel } from './runGroups';

const summary = (runId: string, designName: string, designFile: string | null, state: RunSummary['state'] = 'completed'): RunSummary => ({
  runId,
  runDir: `/runs/${runId}`,
  designName,
  designFile,
  startedAt: '2025-01-01T10:00:00.000Z',
  resumedAt: [],
  epochs: 3,
  bestValTop1: 0.5,
  state,
});

describe('run groups', () => {
  it('groups by design file, not by the name two files share, the open design first', () => {
    const runs = [summary('a', 'Inception-v4', '/d/small.incept.json'), summary('b', 'Inception-v4', '/d/big.incept.json'), summary('c', 'Inception-v4', null), summary('d', 'Inception-v4', '/d/big.incept.json')];
    const groups = groupRuns(runs, {}, { file: '/d/big.incept.json', name: 'Inception-v4' });
    expect(groups.map((group) => [group.title, group.current, group.runs.map((run) => run.runId)])).toEqual([
      ['big.incept.json', true, ['b', 'd']],
      ['small.incept.json', false, ['a']],
      ['Inception-v4', false, ['c']],
    ]);
  });

  it('an unsaved design’s group is the runs of unsaved designs with its name', () => {
    const groups = groupRuns([summary('a', 'Net', '/d/net.incept.json'), summary('b', 'Net', null)], {}, { file: null, name: 'Net' });
    expect(groups[0]).toMatchObject({ title: 'Net', path: null, current: true });
  });

  it('takes the state of a run this window follows from its live view', () => {
    const paused = { ...newRunView('a', '/runs/a'), status: 'paused' as const, epoch: 4 };
    const [group] = groupRuns([summary('a', 'Net', null, 'running'), summary('b', 'Net', null, 'running')], { a: paused }, { file: null, name: 'Net' });
    expect(group.runs.map((run) => [run.runId, runStatusLabel(run.status), run.epochs, run.live])).toEqual([
      ['a', 'paused', 4, true],
      ['b', 'training', 3, false],
    ]);
  });
});
