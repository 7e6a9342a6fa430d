/**
 * The exported `train.py` under `torchrun --nproc_per_node=2` on the CPU (gloo): one epoch on
 * the bundled sample, the loss falls, rank 0 writes a run folder the Studio reads (run.json,
 * events.jsonl folded as the run list folds them, classes.json in the exported order) and a
 * checkpoint that `import` turns into a Studio model directory whose predictions agree with
 * PyTorch's.
 */

import { execFile } from 'node:child_process';
import { mkdir, readdir, readFile, writeFile } from 'node:fs/promises';
import { createServer } from 'node:net';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { beforeAll, describe, expect, it } from 'vitest';
import { chain } from '../../analysis/testing/designs';
import type { DesignDocument } from '../../design/types';
import { serializeDesign } from '../../design/document';
import { exportPytorch } from '../../export/pytorch/exportPytorch';
import { readRunEvents, readRunRecord } from '../../node/runs/runRecord';
import { useTempDir } from '../../node/testing/tempDir';
import { summarizeRun } from '../../training/runSummary';
import type { TrainEvent } from '../../training/types';
import { selectBackend } from '../backends/select';
import { runPrediction } from '../predict';
import { importModel } from './importWeights';
import { exportGraphOf } from './readExportGraph';
import { PYTHON, pythonProblem } from './testing/python';
import { writeSampleFolders, type SampleFolders } from './testing/sampleFolders';

const run = promisify(execFile);

/**
 * A port free now, below Linux's ephemeral range (32768 up): a port the kernel handed out for
 * listen(0) is the kind the suite's other servers and browser connections take next.
 */
async function freePort(): Promise<number> {
  for (;;) {
    const server = createServer();
    const port = 20_000 + Math.floor(Math.random() * 12_000);
    const bound = await new Promise<boolean>((resolve) => {
      server.once('error', () => resolve(false));
      server.listen(port, '127.0.0.1', () => resolve(true));
    });
    if (bound) {
      await new Promise((resolve) => server.close(resolve));
      return port;
    }
  }
}

/** Each rank's stderr.log under torchrun's log folder, last lines first-rank-first: what a failed launch left behind. */
async function rankLogs(logDir: string): Promise<string> {
  const files = (await readdir(logDir, { recursive: true }).catch(() => [] as string[])).filter((file) => file.endsWith('stderr.log')).sort();
  const tails = await Promise.all(files.map(async (file) => `--- ${file}\n${(await readFile(join(logDir, file), 'utf8')).split('\n').slice(-40).join('\n')}`));
  return tails.join('\n') || `(no rank logs under ${logDir})`;
}

/** execFile, but a failure says how the launcher ended, after how long, what each rank wrote to stderr and where stdout stopped. */
async function runTorchrun(args: string[], logDir: string, options: Parameters<typeof run>[2]): Promise<string> {
  const started = Date.now();
  try {
    return (await run(PYTHON, args, options)).stdout.toString();
  } catch (error) {
    const { code, signal, killed, stdout } = error as { code?: number; signal?: string; killed?: boolean; stdout?: string | Buffer };
    const how = `exit code ${String(code)}, signal ${String(signal)}, killed ${String(killed)}, after ${((Date.now() - started) / 1000).toFixed(1)} s`;
    const printed = String(stdout ?? '').trim().split('\n').slice(-5).join('\n');
    throw new Error(`${(error as Error).message}\n(${how})\n${await rankLogs(logDir)}\n--- stdout, last lines\n${printed}`, { cause: error });
  }
}

const torchProblem = pythonProblem(['torch', 'torchvision', 'numpy', 'PIL']);
const dir = useTempDir('pytorch-training');

/** A small CPU-sized network whose classes are named in an order no sort gives, so labels must follow classes.json. */
function smallNetwork(classNames: readonly string[]): DesignDocument {
  const conv = (filters: number, strides: number) => ({ filters, kernel: [3, 3], strides: [strides, strides], padding: 'same' });
  const doc = chain(
    [
      ['c1', 'conv2d', conv(16, 2)],
      ['c2', 'conv2d', conv(32, 1)],
      ['p1', 'maxPool', { pool: [3, 3], strides: [2, 2], padding: 'same' }],
      ['c3', 'conv2d', conv(48, 1)],
      ['pool', 'globalAvgPool'],
      ['logits', 'dense', { units: classNames.length }],
      ['softmax', 'softmax'],
    ],
    [32, 32, 3],
  );
  return { ...doc, name: 'small cpu net', classes: classNames };
}

describe.skipIf(torchProblem !== null)(`train.py${torchProblem === null ? '' : ` (skipped: ${torchProblem})`}`, () => {
  let folders: SampleFolders;
  let exportDir: string;
  let classNames: string[];

  beforeAll(async () => {
    await selectBackend({ backend: 'wasm' });
    folders = await writeSampleFolders(dir(), 60, 3);
    classNames = [...folders.classNames].reverse();
    exportDir = join(dir(), 'export');
    await mkdir(exportDir);
    const graph = await exportGraphOf({ kind: 'design', design: smallNetwork(classNames), seed: 1 });
    for (const [file, bytes] of exportPytorch(graph, 'test')) await writeFile(join(exportDir, file), bytes);
  }, 120_000);

  it('trains one epoch on two CPU processes with gloo: the loss falls, the run opens as the Studio reads runs', async () => {
    const runDir = join(dir(), 'run');
    // Debian's torch 1.13 cannot parse torchrun's default `--redirects 0` / `--tee 0` under Python
    // 3.11 (its Std flag enum no longer lists NONE), so both are named: stderr to the log folder,
    // stdout teed, each line prefixed with its rank.
    // A port chosen here: torch 1.13's launcher does not pass a port it chose itself (0) on to the workers.
    // Loopback named for both the store and gloo, so neither depends on how the host's name resolves.
    const port = await freePort();
    const logDir = join(dir(), 'torchrun-logs');
    const launcher = ['-m', 'torch.distributed.run', '--nproc_per_node=2', '--master_addr=127.0.0.1', `--master_port=${port}`, '--redirects', '0:2,1:2', '--tee', '0:1,1:1', '--log_dir', logDir];
    const stdout = await runTorchrun(
      [...launcher, join(exportDir, 'train.py'), '--data', folders.train, '--val', folders.heldOut, '--epochs', '1', '--batch', '16', '--out', runDir, '--json', '--workers', '0'],
      logDir,
      { cwd: dir(), env: { ...process.env, OMP_NUM_THREADS: '1', GLOO_SOCKET_IFNAME: 'lo' }, maxBuffer: 64 << 20, timeout: 240_000 },
    );
    const printed = stdout
      .trim()
      .split('\n')
      .flatMap((line) => (line.startsWith('[default0]:{') ? [JSON.parse(line.slice('[default0]:'.length)) as TrainEvent] : []));
    const steps = printed.flatMap((event) => (event.type === 'step' ? [event.loss] : []));
    expect(steps.length).toBe(Math.floor(600 / 16));
    const mean = (values: number[]): number => values.reduce((a, b) => a + b, 0) / values.length;
    expect(mean(steps.slice(-8))).toBeLessThan(mean(steps.slice(0, 8)));
    expect(printed[0]).toMatchObject({ type: 'start', backend: 'pytorch-gloo', device: '2 x CPU', stepsPerEpoch: steps.length, classNames });

    const record = await readRunRecord(runDir);
    expect(record.ok && record.value).toMatchObject({ designName: 'small cpu net', classNames, config: { epochs: 1, batchSize: 16, optimizer: 'rmsprop' } });
    expect(JSON.parse(await readFile(join(runDir, 'classes.json'), 'utf8'))).toEqual(classNames);
    const log = await readRunEvents(runDir);
    if (!log.ok) throw new Error(log.error);
    expect(log.value.warnings).toEqual([]);
    expect(log.value.events.map((event) => event.type)).toEqual(['start', 'epoch', 'checkpoint', 'checkpoint', 'done']);
    const summary = summarizeRun({ runId: 'run', runDir, designName: 'small cpu net', designFile: null, startedAt: '', resumedAt: [], epochs: 0, bestValTop1: null, state: 'failed' }, log.value.events);
    expect(summary).toMatchObject({ epochs: 1, state: 'completed' });
    expect(summary.bestValTop1).toBeGreaterThanOrEqual(0);

    // Back into the Studio: predict's top-1 on the held-out images equals PyTorch's.
    const modelDir = join(dir(), 'imported');
    expect(await importModel(runDir, modelDir)).toMatchObject({ classNames, tensors: 14 });
    const images = folders.heldOutImages.map((image) => image.path);
    const studio = await runPrediction({ kind: 'modelDir', path: modelDir }, images.map((image) => ({ path: image })), { top: 1, backend: 'wasm' });
    const script = [
      'import json, sys, torch',
      'from PIL import Image',
      'sys.path.insert(0, sys.argv[1])',
      'from model import load_model',
      'from train import prepare',
      'net = load_model(sys.argv[2])',
      'with torch.no_grad():',
      '    print(json.dumps(net(torch.stack([prepare(Image.open(p), False) for p in sys.argv[3:]])).argmax(1).tolist()))',
    ].join('\n');
    const { stdout: torchTop1 } = await run(PYTHON, ['-c', script, exportDir, runDir, ...images]);
    expect(studio.predictions.map((p) => p.top[0].classIndex)).toEqual(JSON.parse(torchTop1));
  }, 300_000);

  it('refuses weights that do not fit the design, naming the first tensor, and writes nothing', async () => {
    const other = join(dir(), 'other-export');
    await mkdir(other);
    const doc = smallNetwork(classNames);
    const narrower = { ...doc, nodes: doc.nodes.map((node) => (node.id === 'c2' ? { ...node, params: { ...node.params, filters: 24 } } : node)) };
    await writeFile(join(other, 'model.py'), '');
    await writeFile(join(other, 'classes.json'), JSON.stringify(classNames));
    await writeFile(join(other, 'design.incept.json'), serializeDesign(narrower));
    await writeFile(join(other, 'weights.npz'), await readFile(join(exportDir, 'weights.npz')));
    const out = join(dir(), 'not-written');
    await expect(importModel(other, out)).rejects.toThrow("tensor 'c2.conv.weight' (layer c2) has shape [32, 16, 3, 3]; the design needs [24, 16, 3, 3]");
    await expect(readFile(join(out, 'model.json'))).rejects.toThrow();
  }, 120_000);

  it('resumes exactly: one epoch plus a resumed one gives the weights of two in a row', async () => {
    const train = (args: string[]) => run(PYTHON, [join(exportDir, 'train.py'), '--workers', '0', ...args], { cwd: dir(), env: { ...process.env, OMP_NUM_THREADS: '1' }, timeout: 240_000 });
    await train(['--data', folders.train, '--epochs', '2', '--batch', '32', '--out', 'straight']);
    await train(['--data', folders.train, '--epochs', '1', '--batch', '32', '--out', 'resumed']);
    await train(['--resume', 'resumed', '--epochs', '2']);
    const compare = [
      'import sys, torch',
      'a, b = (torch.load(f"{d}/checkpoints/last.pt", weights_only=True) for d in sys.argv[1:3])',
      'print(all(torch.equal(a[k][n], b[k][n]) for k in ("model", "ema") for n in a[k]))',
    ].join('\n');
    const { stdout } = await run(PYTHON, ['-c', compare, join(dir(), 'straight'), join(dir(), 'resumed')]);
    expect(stdout.trim()).toBe('True');
  }, 300_000);
});
