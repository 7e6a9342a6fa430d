import { describe, expect, it } from 'vitest';
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
