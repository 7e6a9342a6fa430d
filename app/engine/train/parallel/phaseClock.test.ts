import { describe, expect, it } from 'vitest';
import { threadCpuMs } from '../../threadCpu';
import { addPhaseTotals, NO_PHASES, PhaseClock } from './phaseClock';

describe('PhaseClock', () => {
  it('sums each phase over steps and starts afresh on reset', async () => {
    const clock = new PhaseClock();
    for (let step = 0; step < 2; step++) {
      clock.timeSync('busy', () => {
        const until = performance.now() + 20;
        while (performance.now() < until);
      });
      await clock.time('idle', () => new Promise((resolve) => setTimeout(resolve, 30)));
      clock.endStep();
    }
    const totals = clock.totals();
    expect(totals.steps).toBe(2);
    expect(Object.keys(totals.ms)).toEqual(['busy', 'idle']);
    expect(totals.ms.busy).toBeGreaterThanOrEqual(40);
    expect(totals.ms.idle).toBeGreaterThanOrEqual(55);
    clock.reset();
    expect(clock.totals()).toMatchObject({ steps: 0, ms: {}, cpuMs: {} });
  });

  it('counts a phase whose work throws', () => {
    const clock = new PhaseClock();
    expect(() =>
      clock.timeSync('failing', () => {
        throw new Error('boom');
      }),
    ).toThrow('boom');
    expect(clock.totals().ms).toHaveProperty('failing');
  });

  it('adds totals phase by phase; an unknown CPU time stays unknown', () => {
    const a = { steps: 1, ms: { x: 1, y: 2 }, cpuMs: { x: 1 }, cpuTotalMs: 3 };
    const b = { steps: 2, ms: { y: 3, z: 4 }, cpuMs: { x: 2 }, cpuTotalMs: 5 };
    expect(addPhaseTotals(a, b)).toEqual({ steps: 3, ms: { x: 1, y: 5, z: 4 }, cpuMs: { x: 3 }, cpuTotalMs: 8 });
    expect(addPhaseTotals(NO_PHASES, { ...b, cpuTotalMs: null }).cpuTotalMs).toBeNull();
  });
});

describe.runIf(threadCpuMs() !== null)('PhaseClock on a platform that tells CPU time', () => {
  /** Spins until the thread has used `ms` of CPU, however busy the machine is. */
  const spin = (ms: number): void => {
    const start = threadCpuMs() ?? 0;
    while ((threadCpuMs() ?? 0) - start < ms);
  };

  it('adds the CPU time of each phase over the steps, never more than its wall time', async () => {
    const wallStart = performance.now();
    const clock = new PhaseClock();
    for (let step = 0; step < 2; step++) {
      clock.timeSync('busy', () => spin(30));
      await clock.time('idle', () => new Promise((resolve) => setTimeout(resolve, 20)));
      clock.endStep();
    }
    const wall = performance.now() - wallStart;
    const { ms, cpuMs, cpuTotalMs } = clock.totals();
    expect(Object.keys(cpuMs)).toEqual(['busy', 'idle']);
    expect(cpuMs.busy).toBeGreaterThanOrEqual(60);
    // The thread's CPU time counts in ticks of 10 ms, so a phase may read up to a tick per step over its wall time.
    expect(cpuMs.busy).toBeLessThanOrEqual(ms.busy + 20);
    expect(ms.busy).toBeLessThan(wall);
    expect(cpuMs.idle).toBeGreaterThanOrEqual(0);
    expect(cpuMs.idle).toBeLessThan(cpuMs.busy);
    expect(cpuTotalMs).toBeGreaterThanOrEqual(cpuMs.busy);
    expect(cpuTotalMs).toBeLessThanOrEqual(wall + 20);
  });
});
