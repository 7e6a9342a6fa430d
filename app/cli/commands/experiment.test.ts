import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import type { ExperimentQueue } from '../../experiments/queue';
import { readRunEvents } from '../../node/runs/runRecord';
import { useTestFolder } from '../../engine/testing/testFolders';
import { main } from '../main';
import type { CliIo } from '../types';

const root = fileURLToPath(new URL('../../..', import.meta.url));
const folder = useTestFolder('cli-experiment-', { classes: 2, perClass: 6, size: 80 });

function capture(): { io: CliIo; out: () => string; err: () => string } {
  let out = '';
  let err = '';
  return { io: { stdout: (t) => (out += t), stderr: (t) => (err += t), isTty: false, stderrIsTty: false, cwd: folder.root }, out: () => out, err: () => err };
}

/** Two variants × two seeds, two epochs of three steps each. */
const tinySpec = {
  format: 'inception-studio/experiment',
  version: 1,
  name: 'Tiny',
  fixed: { epochs: 2, data: 'data', options: { input: 75, width: 0.1, repeats: [1, 1, 1] }, training: { batchSize: 4, validationSplit: 0.25 } },
  variants: [
    { name: 'Plain', design: 'preset:inception-v4' },
    { name: 'Residual', design: 'preset:inception-resnet-v2' },
  ],
  seeds: [1, 2],
};

describe('experiment command', () => {
  it('refuses an unusable spec, naming the field, before anything runs', async () => {
    await writeFile(join(folder.root, 'bad.json'), JSON.stringify({ ...tinySpec, fixed: { ...tinySpec.fixed, epochs: 0 }, variants: [{ name: 'x', design: 'preset:inception-v4', options: { width: 'wide' } }] }));
    await writeFile(join(folder.root, 'broken.json'), JSON.stringify({ ...tinySpec, fixed: { ...tinySpec.fixed, options: { input: 74, width: 0.1 } } }));
    const cases: [string[], 1 | 2, RegExp][] = [
      [[], 2, /Missing the experiment: a spec file or template:NAME/],
      [['template:nope'], 2, /Unknown template 'nope'\. Templates: residual-vs-plain, residual-scaling\./],
      [['missing.json'], 2, /Cannot read experiment spec 'missing\.json': no such file/],
      [['bad.json'], 2, /bad\.json: The experiment spec has 2 problems:\n {2}fixed\.epochs: expected an integer ≥ 1, found 0\n {2}variants\[0\]\.options\.width: expected a multiplier in \(0, 8\]/],
      [['template:residual-vs-plain', '--epochs', '0'], 2, /--epochs/],
      [['template:residual-vs-plain', '--parallel', '0'], 2, /--parallel 0: expected an integer between 1 and 16/],
      [['broken.json'], 1, /variants\[0\] \(Plain\): the design has \d+ errors?/],
    ];
    for (const [args, code, message] of cases) {
      const { io, err } = capture();
      expect(await main(['experiment', ...args, '--out', join(folder.root, 'never')], io), message.source).toBe(code);
      expect(err(), message.source).toMatch(message);
    }
    expect(existsSync(join(folder.root, 'never'))).toBe(false);
  });

  it('runs 2 variants × 2 seeds end to end; killed in the second run, the same command continues where it stopped', async () => {
    const spec = join(folder.root, 'tiny.json');
    await writeFile(spec, JSON.stringify(tinySpec));
    const out = join(folder.root, 'tiny');
    const args = ['experiment', spec, '--out', out, '--backend', 'wasm'];

    // The first attempt runs in its own process and is killed once the second run has saved a checkpoint.
    const child = spawn(process.execPath, ['--import', 'tsx', 'app/cli/main.ts', ...args, '--json'], { cwd: root, stdio: ['ignore', 'pipe', 'pipe'] });
    let stderr = '';
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    const exited = new Promise((resolve) => child.on('exit', resolve));
    for await (const line of createInterface({ input: child.stdout })) {
      const event = JSON.parse(line) as { type: string; runId?: string; event?: { type: string } };
      if (event.type === 'train' && event.runId === 'residual-seed1' && event.event?.type === 'checkpoint') {
        child.kill('SIGKILL');
        break;
      }
    }
    await exited;
    const killed = JSON.parse(await readFile(join(out, 'queue.json'), 'utf8')) as ExperimentQueue;
    expect(killed.runs.map((run) => run.state), stderr).toEqual(['completed', 'running', 'queued', 'queued']);

    const again = capture();
    expect(await main(args, again.io), again.err()).toBe(0);
    expect(again.out()).toMatch(/^continuing .*tiny: 3 of 4 runs to go$/m);
    expect(again.out()).toMatch(/^\[2\/4\] Residual, seed 1 \(continuing from its checkpoint\); about \S+ left for 3 runs$/m);
    expect(again.out()).not.toMatch(/^\[1\/4\]/m);

    const queue = JSON.parse(await readFile(join(out, 'queue.json'), 'utf8')) as ExperimentQueue;
    expect(queue.runs.map((run) => `${run.id} ${run.state}`)).toEqual(['plain-seed1 completed', 'residual-seed1 completed', 'plain-seed2 completed', 'residual-seed2 completed']);
    const starts = async (id: string) => {
      const log = await readRunEvents(join(out, 'runs', id));
      if (!log.ok) throw new Error(log.error);
      return log.value.events.filter((event) => event.type === 'start');
    };
    expect(await starts('plain-seed1')).toHaveLength(1);
    const resumed = await starts('residual-seed1');
    expect(resumed.length).toBeGreaterThanOrEqual(2);
    expect(resumed.at(-1)).toMatchObject({ resumedFrom: expect.objectContaining({ epoch: expect.any(Number) }) });

    const report = await readFile(join(out, 'report', 'report.md'), 'utf8');
    for (const id of ['plain-seed1', 'residual-seed1', 'plain-seed2', 'residual-seed2']) {
      expect(report).toMatch(new RegExp(`^\\| ${id} \\| .* \\| completed \\| 2 \\|`, 'm'));
      expect(report).toMatch(new RegExp(`^- \\*\\*${id}\\*\\*: preset:inception-.*"batchSize":4,"epochs":2,"seed":${id.endsWith('1') ? 1 : 2},"validationSplit":0.25`, 'm'));
    }
    expect(report).toMatch(/^\| Plain \| 2\/2 \| 0\.14 M \|/m);
    expect((await readFile(join(out, 'report', 'runs.csv'), 'utf8')).trim().split('\n')).toHaveLength(5);
    expect(await readFile(join(out, 'report', 'top1.svg'), 'utf8')).toMatch(/<polyline /);
    expect(JSON.parse(await readFile(join(out, 'report', 'spec.json'), 'utf8'))).toMatchObject({ fixed: { data: folder.data } });

    const other = capture();
    expect(await main(['experiment', 'template:residual-scaling', '--out', out], other.io)).toBe(2);
    expect(other.err()).toMatch(/holds a different experiment \('Tiny'/);
  }, 600_000);
});
