import { describe, expect, it } from 'vitest';
import { CALIBRATED_MACS_PER_SECOND, estimateExperiment, type VariantCost } from './estimate';

const small: VariantCost = { variant: 'Plain', runs: 3, macs: 13.7e6, measuredSecondsPerEpoch: null };

describe('estimateExperiment', () => {
  it('prices a design by its multiply-adds at the calibrated rate: three passes per training image, one per validation image', () => {
    const estimate = estimateExperiment({ variants: [small], epochs: 2, trainImages: 900, validationImages: 100, backend: 'wasm' });
    const perEpoch = (13.7e6 * (3 * 900 + 100)) / (CALIBRATED_MACS_PER_SECOND.wasm as number);
    expect(estimate.seconds).toBeCloseTo(3 * 2 * perEpoch, 6);
    expect(estimate.basis).toBe('calibrated');
    expect(estimate.explanation).toMatch(/calibrated on the development machine \(wasm: 3\.6 G multiply-adds\/s\)/);
  });

  it('uses a measured epoch time where an earlier run has one, and says which variants it measured', () => {
    const measured = { ...small, variant: 'Residual', runs: 2, measuredSecondsPerEpoch: 40 };
    const both = estimateExperiment({ variants: [small, measured], epochs: 5, trainImages: 900, validationImages: 100, backend: 'wasm' });
    const calibratedOnly = estimateExperiment({ variants: [small], epochs: 5, trainImages: 900, validationImages: 100, backend: 'wasm' });
    expect(both.seconds).toBeCloseTo((calibratedOnly.seconds as number) + 2 * 5 * 40, 6);
    expect(both.basis).toBe('measured and calibrated');
    expect(both.explanation).toMatch(/^Residual: measured/);
    expect(estimateExperiment({ variants: [measured], epochs: 5, trainImages: 900, validationImages: 100, backend: 'webgpu' })).toMatchObject({ seconds: 400, basis: 'measured' });
  });

  it('gives no number on a backend it has no calibration for, and says why', () => {
    const estimate = estimateExperiment({ variants: [small], epochs: 2, trainImages: 900, validationImages: 100, backend: 'tensorflow-gpu' });
    expect(estimate).toMatchObject({ seconds: null, basis: 'none' });
    expect(estimate.explanation).toMatch(/no calibrated rate for tensorflow-gpu/);
  });
});
