/** A thread's training phases as one line of milliseconds per step: wall clock, and CPU time where known. */

import type { PhaseTotals } from '../app/engine/train/parallel/phaseClock';

export function phaseLine(who: string, totals: PhaseTotals, wallMsPerStep: number): string {
  const steps = Math.max(1, totals.steps);
  const perStep = (ms: number): string => (ms / steps).toFixed(1);
  const phases = Object.entries(totals.ms).map(([phase, ms]) => `${phase} ${perStep(ms)}${phase in totals.cpuMs ? ` (CPU ${perStep(totals.cpuMs[phase])})` : ''}`);
  const cpu = totals.cpuTotalMs === null ? 'CPU time unknown' : `CPU ${perStep(totals.cpuTotalMs)} of ${wallMsPerStep.toFixed(1)}`;
  return `  ${who.padEnd(12)} ms/step: ${phases.join(' · ')}; ${cpu}`;
}
