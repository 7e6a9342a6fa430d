import { describe, expect, it } from 'vitest';
import { BATCH_BYTES, planUpload } from './uploadPlan';

const file = (relativePath: string, size = 1000) => ({ relativePath, size });

describe('upload plan', () => {
  it('leaves out what the host would refuse, and says why', () => {
    const plan = planUpload([file('set/a/1.png'), file('set/.DS_Store'), file('set/README.txt'), file('set/a/big.jpg', 65 * 2 ** 20)]);
    expect(plan.batches.flat().map((f) => f.relativePath)).toEqual(['set/a/1.png']);
    expect(plan.skipped.map((s) => s.path)).toEqual(['set/.DS_Store', 'set/README.txt', 'set/a/big.jpg']);
    expect(plan.skipped[2].why).toContain('larger than 64 MiB');
    expect(plan.bytes).toBe(1000);
  });

  it('puts the subfolder in front and cuts requests at a few megabytes', () => {
    const files = Array.from({ length: 10 }, (_, i) => file(`img${i}.png`, BATCH_BYTES / 4));
    const plan = planUpload(files, '/uploads/today/');
    expect(plan.batches.map((batch) => batch.length)).toEqual([4, 4, 2]);
    expect(plan.batches[0][0].relativePath).toBe('uploads/today/img0.png');
  });
});
