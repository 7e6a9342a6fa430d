/**
 * The speeds a training step reports: images/s and the time left from the smoothed step time,
 * and the data pipeline's own pace from the smoothed decode time per image.
 */

/** What a step event says about speed. */
export interface StepSpeed {
  imagesPerSecond: number;
  etaSeconds: number;
  /** Only once a batch has reported its decode time: how fast decoding and augmentation alone go. */
  pipelineImagesPerSecond?: number;
}

export class StepRates {
  private secondsPerStep = 0;
  private decodeSecondsPerImage = 0;

  /** `smoothing`: the weight the running value keeps at each new sample (the first sample sets it). */
  constructor(private readonly smoothing = 0.8) {}

  /** A step that took `seconds`, trained or not (a batch whose images were all skipped still costs its time). */
  stepTook(seconds: number): void {
    this.secondsPerStep = this.smoothed(this.secondsPerStep, seconds);
  }

  /** The decode time of a trained batch of `size` images (none given: decoding took no time, e.g. from the cache). */
  batchDecoded(decodeSeconds: number | undefined, size: number): void {
    this.decodeSecondsPerImage = this.smoothed(this.decodeSecondsPerImage, (decodeSeconds ?? 0) / size);
  }

  speed(batchSize: number, stepsLeft: number): StepSpeed {
    return {
      imagesPerSecond: batchSize / this.secondsPerStep,
      etaSeconds: this.secondsPerStep * stepsLeft,
      ...(this.decodeSecondsPerImage > 0 ? { pipelineImagesPerSecond: 1 / this.decodeSecondsPerImage } : {}),
    };
  }

  private smoothed(running: number, sample: number): number {
    return running === 0 ? sample : this.smoothing * running + (1 - this.smoothing) * sample;
  }
}
