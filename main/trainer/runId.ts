/** Run folder names: sortable start time plus the design's name, unique within the runs folder. */

import { access } from 'node:fs/promises';
import { join } from 'node:path';

function slugOf(name: string): string {
  const slug = name.toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-+|-+$/g, '').slice(0, 40);
  return slug || 'design';
}

export async function newRunId(runsRoot: string, designName: string, now = new Date()): Promise<string> {
  const stamp = now.toISOString().replace(/[-:]/g, '').replace('T', '-').slice(0, 15);
  const base = `${stamp}-${slugOf(designName)}`;
  for (let n = 1; ; n += 1) {
    const id = n === 1 ? base : `${base}-${n}`;
    const taken = await access(join(runsRoot, id)).then(() => true, () => false);
    if (!taken) return id;
  }
}
