import { describe, expect, it } from 'vitest';
import { estimateEta, progressEmitter, throttleProgress, type ProgressEvent } from './progress';

/** A clock the test moves by hand, in milliseconds. */
function manualClock(start: number) {
  let time = start;
  return { now: () => time, set: (t: number) => void (time = t) };
}

describe('estimateEta', () => {
  it('extrapolates the average rate so far to the work left', () => {
    expect(estimateEta(4, 10, 2)).toBe(3);
    expect(estimateEta(1, 3, 5)).toBe(10);
    expect(estimateEta(10, 10, 7)).toBe(0);
  });

  it('never goes below zero when more was done than announced', () => {
    expect(estimateEta(12, 10, 4)).toBe(0);
  });

  it('has no estimate before anything is done or before time has passed', () => {
    expect(estimateEta(0, 10, 3)).toBeNull();
    expect(estimateEta(-1, 10, 3)).toBeNull();
    expect(estimateEta(4, 10, 0)).toBeNull();
    expect(estimateEta(4, 10, -1)).toBeNull();
  });

  it('is zero for finished work even when no time has passed, but not for empty work', () => {
    expect(estimateEta(5, 5, 0)).toBe(0);
    expect(estimateEta(6, 5, 0)).toBe(0);
    expect(estimateEta(0, 0, 0)).toBeNull();
    expect(estimateEta(0, 0, 2)).toBeNull();
  });
});

describe('throttleProgress', () => {
  it('passes the first update, then at most one per interval, and always the last', () => {
    const clock = manualClock(1000);
    const seen: [number, number, number][] = [];
    const report = throttleProgress((done, total) => seen.push([clock.now(), done, total]), 100, clock.now);
    const updates: [number, number][] = [
      [1000, 1],
      [1050, 2],
      [1099, 3],
      [1100, 4],
      [1150, 5],
      [1210, 6],
      [1220, 10],
    ];
    for (const [t, done] of updates) {
      clock.set(t);
      report(done, 10);
    }
    expect(seen).toEqual([
      [1000, 1, 10],
      [1100, 4, 10],
      [1210, 6, 10],
      [1220, 10, 10],
    ]);
  });

  it('passes the first update at time zero and every finished update however close together', () => {
    const clock = manualClock(0);
    const seen: number[] = [];
    const report = throttleProgress((done) => seen.push(done), 1000, clock.now);
    report(1, 3);
    report(3, 3);
    report(4, 3);
    expect(seen).toEqual([1, 3, 4]);
  });
});

describe('progressEmitter', () => {
  it('sends events with the time since it was made and the ETA from that time', () => {
    const clock = manualClock(5000);
    const events: ProgressEvent[] = [];
    const callback = progressEmitter('scan', 'images', (event) => events.push(event), 500, clock.now);
    clock.set(7000);
    callback(4, 10);
    clock.set(7100);
    callback(5, 10);
    clock.set(8000);
    callback(10, 10);
    expect(events).toEqual([
      { type: 'progress', task: 'scan', done: 4, total: 10, unit: 'images', elapsedSeconds: 2, etaSeconds: 3 },
      { type: 'progress', task: 'scan', done: 10, total: 10, unit: 'images', elapsedSeconds: 3, etaSeconds: 0 },
    ]);
  });
});
