import { spawnSync } from 'node:child_process';
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { chain } from '../analysis/testing/designs';
import { serializeDesign } from '../design/document';
import { SAMPLE_IMAGES } from '../engine/testing/samples';
import { useTempDir } from '../node/testing/tempDir';
import { webGpuSkipReason } from '../engine/testing/webgpuTesting';

const root = fileURLToPath(new URL('../..', import.meta.url));
const dir = useTempDir('cli-process');
const webGpuSkip = await webGpuSkipReason();

describe('the command line as a process', () => {
  it('runs `npx tsx app/cli/main.ts summary … --json` and exits with its status', () => {
    const result = spawnSync('npx', ['tsx', 'app/cli/main.ts', 'summary', 'preset:inception-v4', '--json'], { cwd: root, encoding: 'utf8', timeout: 60_000 });
    expect(result.stderr).toBe('');
    expect(result.status).toBe(0);
    expect(JSON.parse(result.stdout)).toMatchObject({ params: { trainable: 42_679_816, nonTrainable: 63_168 } });
  });

  it.skipIf(webGpuSkip !== null)(`predicts on webgpu and exits by itself once done, the GPU device released${webGpuSkip ? ` (skipped: ${webGpuSkip})` : ''}`, async () => {
    const design = join(dir(), 'tiny.incept.json');
    await writeFile(design, serializeDesign(chain([['conv', 'conv2d', { filters: 4 }], ['pool', 'globalAvgPool'], ['logits', 'dense', { units: 3 }], ['softmax', 'softmax']], [32, 32, 3])));
    // The environment carries the test adapter (webGpuSkipReason sets it up); a hang would end at the time limit with no status.
    const result = spawnSync('npx', ['tsx', 'app/cli/main.ts', 'predict', design, SAMPLE_IMAGES.jpeg, '--backend', 'webgpu', '--json'], { cwd: root, encoding: 'utf8', timeout: 120_000 });
    expect(result.status, result.stderr).toBe(0);
    expect(JSON.parse(result.stdout)).toMatchObject({ backend: { active: 'webgpu' }, predictions: [{ image: SAMPLE_IMAGES.jpeg, top: expect.any(Array) }] });
  }, 130_000);
  it('stops quietly when the reader closes the pipe early (`… | head`)', () => {
    const result = spawnSync('bash', ['-c', 'node bin/inception-studio.mjs summary preset:inception-v4 --layers --json | head -c 10; exit ${PIPESTATUS[0]}'], { cwd: root, encoding: 'utf8', timeout: 60_000 });
    expect(result.stdout).toBe('{\n  "name"');
    expect(result.stderr).toBe('');
    expect(result.status).toBe(0);
  });
});
