/** Pause, resume and stop for a running training loop, honoured between steps. */

export class RunControl {
  private pauseRequested = false;
  private stopped = false;
  private release: (() => void) | null = null;

  pause(): void {
    this.pauseRequested = true;
  }

  resume(): void {
    this.pauseRequested = false;
    this.release?.();
  }

  /** The loop finishes its current step, saves a checkpoint and ends. */
  stop(): void {
    this.stopped = true;
    this.release?.();
  }

  get stopRequested(): boolean {
    return this.stopped;
  }

  get pauseRequestedNow(): boolean {
    return this.pauseRequested && !this.stopped;
  }

  /** Resolves on `resume` or `stop`. */
  waitForResume(): Promise<void> {
    if (!this.pauseRequestedNow) return Promise.resolve();
    return new Promise((resolve) => {
      this.release = () => {
        this.release = null;
        resolve();
      };
    });
  }
}
