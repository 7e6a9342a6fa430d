import { existsSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { threadCpuMs } from './threadCpu';

describe.skipIf(!existsSync('/proc/thread-self/stat'))('threadCpuMs (Linux /proc)', () => {
  it('grows with work this thread does and not while it sleeps', async () => {
    const start = threadCpuMs()!;
    let sink = 0;
    const until = performance.now() + 300;
    while (performance.now() < until) sink += Math.sqrt(sink + 1);
    const busy = threadCpuMs()!;
    expect(sink).toBeGreaterThan(0);
    // 300 ms of spinning: at least some of it on a core even when the machine is loaded.
    expect(busy - start).toBeGreaterThanOrEqual(20);
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(threadCpuMs()! - busy).toBeLessThan(100);
  });
});
