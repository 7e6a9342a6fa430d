/**
 * Native resources a process must let go of before it can exit on its own: Dawn's GPU device
 * keeps the event loop alive while it lives. Free of TensorFlow.js, so the command line can
 * call it after any command without paying for loading the engine.
 */

const releases = new Set<() => void>();

export function onProcessRelease(release: () => void): void {
  releases.add(release);
}

export function releaseProcessResources(): void {
  for (const release of releases) release();
  releases.clear();
}
