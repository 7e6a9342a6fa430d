import { describe, expect, it } from 'vitest';
import { StepRates } from './stepRates';

describe('StepRates', () => {
  it('takes the first step time as it is, then moves a fifth of the way to each new one', () => {
    const rates = new StepRates();
    rates.stepTook(2);
    expect(rates.speed(8, 10)).toEqual({ imagesPerSecond: 4, etaSeconds: 20 });
    rates.stepTook(1);
    // 0.8 · 2 + 0.2 · 1 = 1.8 s per step.
    expect(rates.speed(8, 10).imagesPerSecond).toBeCloseTo(8 / 1.8, 12);
    expect(rates.speed(8, 10).etaSeconds).toBeCloseTo(18, 12);
    rates.stepTook(3.8);
    // 0.8 · 1.8 + 0.2 · 3.8 = 2.2.
    expect(rates.speed(1, 1).etaSeconds).toBeCloseTo(2.2, 12);
  });

  it('smooths with the weight it is given', () => {
    const rates = new StepRates(0.5);
    rates.stepTook(4);
    rates.stepTook(2);
    expect(rates.speed(3, 2)).toEqual({ imagesPerSecond: 1, etaSeconds: 6 });
  });

  it('reports the pipeline pace per image once decoding took time, smoothed the same way', () => {
    const rates = new StepRates();
    rates.stepTook(1);
    rates.batchDecoded(undefined, 4);
    expect(rates.speed(4, 0)).not.toHaveProperty('pipelineImagesPerSecond');
    rates.batchDecoded(0.5, 4);
    expect(rates.speed(4, 0).pipelineImagesPerSecond).toBeCloseTo(8, 12);
    rates.batchDecoded(0.25, 2);
    // 0.8 · 0.125 + 0.2 · 0.125: the same per image from a smaller batch.
    expect(rates.speed(4, 0).pipelineImagesPerSecond).toBeCloseTo(8, 12);
    rates.batchDecoded(2.125, 1);
    // 0.8 · 0.125 + 0.2 · 2.125 = 0.525 s per image.
    expect(rates.speed(4, 0).pipelineImagesPerSecond).toBeCloseTo(1 / 0.525, 12);
  });

  it('keeps step time and decode time apart', () => {
    const rates = new StepRates();
    rates.stepTook(2);
    rates.batchDecoded(4, 2);
    expect(rates.speed(2, 5)).toEqual({ imagesPerSecond: 1, etaSeconds: 10, pipelineImagesPerSecond: 0.5 });
  });
});
