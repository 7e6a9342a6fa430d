/** The grid arithmetic that led to a layer's output, as a chain from the network input. */

import type { GridStep } from '../layers/types';

/** A chain shared by every layer downstream of the same steps (no copying per layer). */
export interface StepChain {
  step: GridStep;
  previous: StepChain | undefined;
}

export function extendChain(previous: StepChain | undefined, step: GridStep | undefined): StepChain | undefined {
  return step === undefined ? previous : { step, previous };
}

export function chainSteps(chain: StepChain | undefined): GridStep[] {
  const steps: GridStep[] = [];
  for (let link = chain; link !== undefined; link = link.previous) steps.push(link.step);
  return steps.reverse();
}

function gridText([h, w]: readonly [number, number]): string {
  return h === w ? String(h) : `${h}×${w}`;
}

/** `299 →3×3/2 valid→ 149 →3×3 valid→ 147`; empty when the grid never changed. */
export function formatProvenance(steps: readonly GridStep[]): string {
  if (steps.length === 0) return '';
  let text = gridText(steps[0].from);
  for (const step of steps) text += ` →${step.op}→ ${gridText(step.to)}`;
  return text;
}
