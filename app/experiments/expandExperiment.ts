/**
 * An experiment as the runs it makes: one per variant and seed, seed by seed, so the first
 * runs already compare every variant once and a stopped experiment has something to show. Ids
 * are stable (the variant name's slug and the seed), so a run keeps its folder when the spec is
 * run again.
 */

import { PRESET_PREFIX } from '../presets/index';
import type { ExperimentRun, ExperimentSpec } from './types';

/** 'Inception-ResNet-v2 (scale 0.1)' → 'inception-resnet-v2-scale-0-1'. */
export function variantSlug(name: string): string {
  return name.toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-+|-+$/g, '') || 'variant';
}

export function expandExperiment(spec: ExperimentSpec): ExperimentRun[] {
  return spec.seeds.flatMap((seed) =>
    spec.variants.map((variant) => {
      const variantId = variantSlug(variant.name);
      const isPreset = variant.design.startsWith(PRESET_PREFIX);
      return {
        id: `${variantId}-seed${seed}`,
        variantId,
        variant: variant.name,
        seed,
        design: variant.design,
        options: isPreset ? { ...spec.fixed.options, ...variant.options } : {},
        config: { ...spec.fixed.training, ...variant.training, epochs: spec.fixed.epochs, seed },
      };
    }),
  );
}
