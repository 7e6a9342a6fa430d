/**
 * Where the steps of a training run spend their time, per named phase, as wall-clock and as
 * CPU time of the thread: on a shared machine a phase's wall clock includes time other
 * processes held the core, its CPU time does not.
 */

import { threadCpuMs } from '../../threadCpu';

export interface PhaseTotals {
  steps: number;
  /** Wall-clock milliseconds per phase, summed over the steps, in the order phases were first timed. */
  ms: Record<string, number>;
  /** The thread's CPU milliseconds per phase; empty where the platform does not tell. */
  cpuMs: Record<string, number>;
  /** The thread's CPU milliseconds over the steps, phases and the time between them; null where unknown. */
  cpuTotalMs: number | null;
}

export const NO_PHASES: PhaseTotals = Object.freeze({ steps: 0, ms: {}, cpuMs: {}, cpuTotalMs: 0 });

export class PhaseClock {
  private ms: Record<string, number> = {};
  private cpuMs: Record<string, number> = {};
  private steps = 0;
  private cpuStart = threadCpuMs();

  /** Runs `work`, adding its time to `phase`. */
  async time<T>(phase: string, work: () => Promise<T>): Promise<T> {
    const start = this.now();
    try {
      return await work();
    } finally {
      this.add(phase, start);
    }
  }

  timeSync<T>(phase: string, work: () => T): T {
    const start = this.now();
    try {
      return work();
    } finally {
      this.add(phase, start);
    }
  }

  endStep(): void {
    this.steps++;
  }

  totals(): PhaseTotals {
    const now = threadCpuMs();
    return { steps: this.steps, ms: { ...this.ms }, cpuMs: { ...this.cpuMs }, cpuTotalMs: now === null || this.cpuStart === null ? null : now - this.cpuStart };
  }

  /** Starts counting afresh (after warm-up steps). */
  reset(): void {
    this.ms = {};
    this.cpuMs = {};
    this.steps = 0;
    this.cpuStart = threadCpuMs();
  }

  private now(): { wall: number; cpu: number | null } {
    return { wall: performance.now(), cpu: threadCpuMs() };
  }

  private add(phase: string, start: { wall: number; cpu: number | null }): void {
    this.ms[phase] = (this.ms[phase] ?? 0) + performance.now() - start.wall;
    const cpu = threadCpuMs();
    if (cpu !== null && start.cpu !== null) this.cpuMs[phase] = (this.cpuMs[phase] ?? 0) + cpu - start.cpu;
  }
}

/** The totals of `a` and `b` together (replica timings that arrive one step at a time). */
export function addPhaseTotals(a: PhaseTotals, b: PhaseTotals): PhaseTotals {
  const sum = (x: Record<string, number>, y: Record<string, number>): Record<string, number> => {
    const out = { ...x };
    for (const [phase, value] of Object.entries(y)) out[phase] = (out[phase] ?? 0) + value;
    return out;
  };
  const cpuTotalMs = a.cpuTotalMs === null || b.cpuTotalMs === null ? null : a.cpuTotalMs + b.cpuTotalMs;
  return { steps: a.steps + b.steps, ms: sum(a.ms, b.ms), cpuMs: sum(a.cpuMs, b.cpuMs), cpuTotalMs };
}
