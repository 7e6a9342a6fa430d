/**
 * An experiment ready to run: the spec as written, its runs, every variant's design document and
 * the dataset paths resolved. Written once to the experiment's folder (`experiment.json`), so
 * the report can state exactly what was trained and the experiment can be run again.
 */

import type { BackendName } from '../compute/backends';
import type { ExperimentRun, ExperimentSpec } from './types';

export const EXPERIMENT_PLAN_FORMAT = 'inception-studio/experiment-plan';

export interface ExperimentPlan {
  format: typeof EXPERIMENT_PLAN_FORMAT;
  version: 1;
  spec: ExperimentSpec;
  /** Where the spec came from: a file path or `template:NAME`. */
  source: string;
  /** Absolute dataset paths; absent: the bundled sample (data) or a split of it (validation). */
  data?: string;
  validation?: string;
  backend?: BackendName;
  runs: readonly ExperimentRun[];
  /** The design document text of each variant, by variant id. */
  designs: Readonly<Record<string, string>>;
}

/** Whether two plans train the same runs (the backend may differ: it changes speed, not results). */
export function samePlan(a: ExperimentPlan, b: ExperimentPlan): boolean {
  const essence = (plan: ExperimentPlan): string => JSON.stringify([plan.spec, plan.data ?? null, plan.validation ?? null, plan.runs, plan.designs]);
  return essence(a) === essence(b);
}

/** The spec as it ran, every path absolute, so it runs again from anywhere (`report/spec.json`). */
export function rerunnableSpec(plan: ExperimentPlan, resolveDesign: (design: string) => string): ExperimentSpec {
  const { data: _data, validation: _validation, ...fixed } = plan.spec.fixed;
  return {
    ...plan.spec,
    fixed: { ...fixed, ...(plan.data === undefined ? {} : { data: plan.data }), ...(plan.validation === undefined ? {} : { validation: plan.validation }) },
    variants: plan.spec.variants.map((variant) => ({ ...variant, design: resolveDesign(variant.design) })),
  };
}
