/**
 * docs/model-format.md stays true: its metadata example has the preparation the Studio records,
 * and its Python `prepare()` gives the inputs the Studio's own preprocessing gives (run with
 * Debian's python3, numpy and Pillow, which CI installs with python3-torch/-torchvision).
 */

import { spawnSync } from 'node:child_process';
import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { inputPreparation } from '../training/preprocessing';
import { loadImageBatch } from './images';
import { SAMPLE_IMAGES } from './testing/samples';
import { useTempDir } from './testing/tempDir';

const doc = await readFile(fileURLToPath(new URL('../../docs/model-format.md', import.meta.url)), 'utf8');
const PYTHON = '/usr/bin/python3';
const pythonProblem = ((): string | null => {
  const probe = spawnSync(PYTHON, ['-c', 'import numpy, PIL'], { encoding: 'utf8' });
  return probe.status === 0 ? null : `${PYTHON} with numpy and Pillow is not available (${probe.error?.message ?? probe.stderr.trim().split('\n').at(-1)})`;
})();
const dir = useTempDir('model-format-doc');

describe('docs/model-format.md', () => {
  it('shows the preparation the Studio records', () => {
    const example = JSON.parse(/## `metadata\.json`\n\n```json\n([\s\S]*?)```/.exec(doc)?.[1] ?? 'null') as { input: number[]; preprocessing: unknown };
    expect(example.preprocessing).toEqual(inputPreparation(example.input));
  });

  it.skipIf(pythonProblem !== null)(`prepares images in Python exactly as the Studio does${pythonProblem ? ` (skipped: ${pythonProblem})` : ''}`, async () => {
    const code = /### The same preparation in Python[\s\S]*?```python\n([\s\S]*?)```/.exec(doc)?.[1];
    expect(code, 'the Python block of docs/model-format.md').toBeDefined();
    const cases = [SAMPLE_IMAGES.jpeg, SAMPLE_IMAGES.grayPng, SAMPLE_IMAGES.webp].flatMap((path) => [3, 1].map((channels) => ({ path, channels })));
    const jobs = cases.map(({ path, channels }, i) => ({ path, out: join(dir(), `${i}.f32`), prep: inputPreparation([75, 61, channels]) }));
    await writeFile(join(dir(), 'jobs.json'), JSON.stringify(jobs));
    const driver = `${code}\nimport json, sys\nfor job in json.load(open(sys.argv[1])):\n    prepare(job["path"], job["prep"]).tofile(job["out"])\n`;
    await writeFile(join(dir(), 'prepare.py'), driver);
    const run = spawnSync(PYTHON, [join(dir(), 'prepare.py'), join(dir(), 'jobs.json')], { encoding: 'utf8', timeout: 60_000 });
    expect(run.stderr).toBe('');
    expect(run.status).toBe(0);
    for (const [i, { path, channels }] of cases.entries()) {
      const bytes = await readFile(jobs[i].out);
      const python = new Float32Array(bytes.buffer, bytes.byteOffset, bytes.byteLength / 4);
      const studio = (await loadImageBatch([{ path }], { height: 75, width: 61, channels })).data;
      expect(python.length).toBe(studio.length);
      const worst = studio.reduce((max, v, k) => Math.max(max, Math.abs(v - python[k])), 0);
      // Colour is exact; luminance for a one-channel network may round one 8-bit step apart from libvips.
      expect(worst, `${path}, ${channels} channel(s)`).toBeLessThanOrEqual(channels === 3 ? 1e-6 : 1 / 127.5 + 1e-6);
    }
  });
});
