import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const root = fileURLToPath(new URL('../..', import.meta.url));

describe('the command line as a process', () => {
  it('runs `npx tsx app/cli/main.ts summary … --json` and exits with its status', () => {
    const result = spawnSync('npx', ['tsx', 'app/cli/main.ts', 'summary', 'preset:inception-v4', '--json'], { cwd: root, encoding: 'utf8', timeout: 60_000 });
    expect(result.stderr).toBe('');
    expect(result.status).toBe(0);
    expect(JSON.parse(result.stdout)).toMatchObject({ params: { trainable: 42_679_816, nonTrainable: 63_168 } });
  });

  it('stops quietly when the reader closes the pipe early (`… | head`)', () => {
    const result = spawnSync('bash', ['-c', 'node bin/inception-studio.mjs summary preset:inception-v4 --layers --json | head -c 10; exit ${PIPESTATUS[0]}'], { cwd: root, encoding: 'utf8', timeout: 60_000 });
    expect(result.stdout).toBe('{\n  "name"');
    expect(result.stderr).toBe('');
    expect(result.status).toBe(0);
  });
});
