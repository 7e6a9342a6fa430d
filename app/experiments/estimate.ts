/**
 * The time an experiment should take, said before any epoch runs. Where an earlier run of the
 * same design trained on the same data and backend, its seconds per epoch are used (measured);
 * otherwise the design's multiply-adds at a rate calibrated on the development machine
 * (docs/performance-notes.md: the small Inception-v4, 13.7 M multiply-adds, trains at about
 * 88 images/s on wasm, one thread). A backend without a calibration gets no number, only the
 * reason: a wrong estimate would be worse than none.
 */

import type { BackendName } from '../compute/backends';

/** Training an image costs about three forward passes (the forward, and the gradients of inputs and weights). */
const TRAINING_PASSES = 3;

/** Multiply-adds per second, measured; only what was measured is listed. */
export const CALIBRATED_MACS_PER_SECOND: Partial<Record<BackendName, number>> = {
  // 88 images/s × 13.7 M multiply-adds × 3 passes.
  wasm: 3.6e9,
  // The plain-JavaScript kernels run 30–40 times slower than wasm.
  cpu: 1.0e8,
};

export interface VariantCost {
  variant: string;
  /** Runs of this variant (one per seed). */
  runs: number;
  /** Forward multiply-adds per image, from the analysis. */
  macs: number;
  /** Seconds per epoch an earlier run of the same design took on the same data and backend; null when none did. */
  measuredSecondsPerEpoch: number | null;
}

export interface EstimateInput {
  variants: readonly VariantCost[];
  epochs: number;
  trainImages: number;
  validationImages: number;
  backend: BackendName;
}

export interface ExperimentEstimate {
  /** Null when nothing measured or calibrated applies. */
  seconds: number | null;
  basis: 'measured' | 'calibrated' | 'measured and calibrated' | 'none';
  /** The estimate's source in a sentence, shown next to the number. */
  explanation: string;
}

/** Said with every estimate: a run's start is not in it. */
const STARTS = 'Each run also takes a few seconds to start (loading TensorFlow.js and the data), not counted.';

export function estimateExperiment({ variants, epochs, trainImages, validationImages, backend }: EstimateInput): ExperimentEstimate {
  const rate = CALIBRATED_MACS_PER_SECOND[backend];
  const measured = variants.filter((variant) => variant.measuredSecondsPerEpoch !== null);
  const calibrated = variants.filter((variant) => variant.measuredSecondsPerEpoch === null);
  if (calibrated.length > 0 && rate === undefined) {
    return { seconds: null, basis: 'none', explanation: `No measured step time for every variant and no calibrated rate for ${backend}: the queue shows the time left once the first epoch has run.` };
  }
  const perEpoch = (variant: VariantCost): number =>
    variant.measuredSecondsPerEpoch ?? (variant.macs * (TRAINING_PASSES * trainImages + validationImages)) / (rate as number);
  const seconds = variants.reduce((sum, variant) => sum + variant.runs * epochs * perEpoch(variant), 0);
  const rateText = rate === undefined ? '' : `${(rate / 1e9).toFixed(1)} G multiply-adds/s`;
  if (calibrated.length === 0) return { seconds, basis: 'measured', explanation: `From the seconds per epoch earlier runs of these designs took on ${backend}. ${STARTS}` };
  if (measured.length === 0) {
    return { seconds, basis: 'calibrated', explanation: `From the analysis' multiply-adds at a rate calibrated on the development machine (${backend}: ${rateText}); no step measured here yet. ${STARTS}` };
  }
  return {
    seconds,
    basis: 'measured and calibrated',
    explanation: `${measured.map((v) => v.variant).join(', ')}: measured in earlier runs; the rest from their multiply-adds at ${rateText} (${backend}, calibrated). ${STARTS}`,
  };
}
