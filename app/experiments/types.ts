/**
 * Experiments: several training runs that differ in one or a few chosen ways (the design, a
 * preset option, a training setting, the seed) and agree in the rest (dataset, epochs, budget),
 * so their results can be compared. The spec is a JSON document (docs/experiments.md).
 */

import type { PresetOptions } from '../presets/types';
import type { TrainConfig } from '../training/types';

export const EXPERIMENT_FORMAT = 'inception-studio/experiment';
export const EXPERIMENT_VERSION = 1;

/** Training settings a variant or the whole experiment may set: all but epochs (fixed) and seed (the `seeds` list). */
export type ExperimentTraining = Partial<Omit<TrainConfig, 'epochs' | 'seed'>>;

/** What every run shares. */
export interface ExperimentFixed {
  /** Dataset folder or CSV manifest, relative to the spec file; absent: the bundled Fashion-MNIST sample. */
  data?: string;
  /** A separate validation set; absent: a seeded split of `data`. */
  validation?: string;
  epochs: number;
  /** Wall-clock minutes a run may take; a run still going then is stopped with a checkpoint and counts as finished. */
  budgetMinutes?: number;
  /** Preset options every preset variant gets (a variant's own options win), e.g. the input size. */
  options?: PresetOptions;
  /** Training settings every run gets (a variant's own settings win). */
  training?: ExperimentTraining;
}

/** One thing being compared: a design (a preset with options, or a design file) and its settings. */
export interface ExperimentVariant {
  name: string;
  /** `preset:NAME`, or a design file path relative to the spec file. */
  design: string;
  options?: PresetOptions;
  training?: ExperimentTraining;
}

export interface ExperimentSpec {
  format: typeof EXPERIMENT_FORMAT;
  version: typeof EXPERIMENT_VERSION;
  name: string;
  /** What the experiment asks, in a paragraph. */
  description?: string;
  /** The paper figure or table it echoes. */
  figure?: string;
  fixed: ExperimentFixed;
  variants: readonly ExperimentVariant[];
  /** One run per variant and seed: the seed sets the split, the data order, augmentation and the initial weights. */
  seeds: readonly number[];
  /** The validation top-1 accuracy the report times each run to; default 0.5. */
  targetAccuracy?: number;
}

/** One run of an expanded experiment. `id` is stable: the variant's slug and the seed. */
export interface ExperimentRun {
  id: string;
  variantId: string;
  variant: string;
  seed: number;
  design: string;
  /** Preset options (fixed overlaid with the variant's); empty for a design file. */
  options: PresetOptions;
  /** What the trainer is asked for; the trainer fills the rest with the defaults. */
  config: Partial<TrainConfig>;
}

export const DEFAULT_TARGET_ACCURACY = 0.5;

/** Runs trained side by side (`--parallel`, the window's "Runs side by side"): how many trainers one experiment may start at once. */
export const PARALLEL_RUNS = { min: 1, max: 16 } as const;
