/**
 * Seconds per epoch that earlier experiments measured, by design: what the "New experiment"
 * estimate prefers to a calibrated rate. A run counts when it trained the same design document
 * on the same data and backend.
 */

import { readdir } from 'node:fs/promises';
import { join } from 'node:path';
import type { BackendName } from '../../app/compute/backends';
import { readPlan, readQueue } from '../../app/node/experiments/experimentFolder';
import { readExperimentResults } from '../../app/node/experiments/writeReport';

/** Mean seconds per epoch by design document text, over the runs of every experiment in `root` that trained on `data` with `backend`. */
export async function measuredEpochSeconds(root: string, data: string | undefined, backend: BackendName): Promise<Map<string, number>> {
  const sums = new Map<string, { seconds: number; epochs: number }>();
  const folders = await readdir(root, { withFileTypes: true }).catch(() => []);
  for (const folder of folders.filter((entry) => entry.isDirectory())) {
    const dir = join(root, folder.name);
    const [plan, queue] = await Promise.all([readPlan(dir), readQueue(dir)]);
    if (!plan?.ok || !queue?.ok || plan.value.data !== data) continue;
    for (const result of await readExperimentResults(dir, plan.value, queue.value)) {
      const last = result.curve.at(-1);
      if (last === undefined || !result.backend?.startsWith(`${backend} `)) continue;
      const design = plan.value.designs[result.run.variantId];
      const sum = sums.get(design) ?? { seconds: 0, epochs: 0 };
      sums.set(design, { seconds: sum.seconds + last.seconds, epochs: sum.epochs + result.curve.length });
    }
  }
  return new Map([...sums].map(([design, sum]) => [design, sum.seconds / sum.epochs]));
}
