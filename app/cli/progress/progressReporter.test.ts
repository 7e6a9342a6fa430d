import { describe, expect, it } from 'vitest';
import type { ProgressEvent } from '../../training/progress';
import { captureIo } from '../testing/captureIo';
import { progressReporter } from './progressReporter';

/** A clock the test moves by hand. */
function clock(): { now: () => number; advance: (ms: number) => void } {
  let t = 1000;
  return { now: () => t, advance: (ms) => void (t += ms) };
}

function run(mode: 'tty' | 'plain' | 'json', steps: readonly [done: number, ms: number][], total: number): string {
  const io = { ...captureIo('/'), stderrIsTty: mode === 'tty' };
  const time = clock();
  const progress = progressReporter(io, { task: 'predict', unit: 'images', json: mode === 'json', now: time.now });
  for (const [done, ms] of steps) {
    time.advance(ms);
    progress.update(done, total);
  }
  progress.finish();
  expect(io.out()).toBe('');
  return io.err();
}

describe('progress reporter', () => {
  const steps: [number, number][] = Array.from({ length: 20 }, (_, i) => [(i + 1) * 5, 50]);

  it('prints a line per tenth of the work in a pipe, with rate and ETA, and the total time at the end', () => {
    const lines = run('plain', steps, 100).trimEnd().split('\n');
    expect(lines).toHaveLength(10);
    expect(lines[0]).toBe('predict [##------------------] 10/100 images  100 images/s  ETA 1s');
    expect(lines[9]).toBe('predict [####################] 100/100 images in 1s');
  });

  it('redraws one line on a terminal at most every 100 ms, always the last state, and ends it', () => {
    const text = run('tty', steps, 100);
    const frames = text.split('\r\x1b[2K').filter(Boolean);
    expect(frames).toHaveLength(11); // 50, 150, … 950 ms, and the last at 1000
    expect(frames.at(-1)).toBe('predict [####################] 100/100 images in 1s\n');
  });

  it('writes ProgressEvent JSON lines at most every 500 ms, and the last', () => {
    const events = run('json', steps, 100).trim().split('\n').map((line) => JSON.parse(line) as ProgressEvent);
    expect(events.map((e) => e.done)).toEqual([5, 55, 100]);
    expect(events[1]).toEqual({ type: 'progress', task: 'predict', done: 55, total: 100, unit: 'images', elapsedSeconds: 0.55, etaSeconds: expect.closeTo(0.45, 5) });
    expect(events.at(-1)?.etaSeconds).toBe(0);
  });
});
