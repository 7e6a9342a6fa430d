import { describe, expect, it } from 'vitest';
import { defaultTrainConfig } from '../../training/defaults';
import type { TrainEvent } from '../../training/types';
import type { CliIo } from '../types';
import { formatDuration, progressBar, type ProgressMode } from './progressText';
import { progressPrinter } from './trainProgress';

const events: TrainEvent[] = [
  { type: 'start', runId: 'r1', runDir: '/runs/r1', backend: 'wasm', device: 'cpu', stepsPerEpoch: 2, totalSteps: 2, config: { ...defaultTrainConfig, epochs: 1 } },
  { type: 'step', epoch: 1, step: 1, globalStep: 1, lr: 0.045, imagesPerSecond: 12.5, etaSeconds: 75, loss: 2.3, top1: 0.25, top5: 0.5 },
  { type: 'log', level: 'warning', message: 'Skipped /a.jpg: bad' },
  { type: 'step', epoch: 1, step: 2, globalStep: 2, lr: 0.045, imagesPerSecond: 13, etaSeconds: 0, loss: 2.1, top1: 0.5, top5: 0.75, pipelineImagesPerSecond: 451.2 },
  { type: 'epoch', epoch: 1, train: { loss: 2.2, top1: 0.375, top5: 0.625 }, validation: { loss: 2, top1: 0.5, top5: 1 }, lr: 0.045, seconds: 3 },
  { type: 'done', reason: 'completed', epochs: 1, bestValTop1: 0.5, lastCheckpoint: '/runs/r1/checkpoints/last' },
];

function render(mode: ProgressMode): { out: string; err: string } {
  let out = '';
  let err = '';
  const io: CliIo = { stdout: (t) => (out += t), stderr: (t) => (err += t), isTty: mode === 'tty', stderrIsTty: false, cwd: '/' };
  const printer = progressPrinter(io, mode);
  events.forEach(printer.onEvent);
  printer.finish();
  return { out, err };
}

describe('train progress', () => {
  it('formats durations and bars', () => {
    expect([formatDuration(5), formatDuration(75), formatDuration(3725), formatDuration(Number.NaN)]).toEqual(['5s', '1m15s', '1h02m', '?']);
    expect(progressBar(1, 4, 8)).toBe('[##------]');
  });

  it('prints plain lines in a pipe, a redrawn line on a terminal, JSON lines with --json', () => {
    const plain = render('plain');
    expect(plain.out).toContain('epoch 1/1 [##########----------] 1/2  loss 2.3000  top-1 25.0%  lr 0.0450  12.5 img/s  ETA 1m15s\n');
    expect(plain.out).toContain('2/2  loss 2.1000  top-1 50.0%  lr 0.0450  13.0 img/s (data 451 img/s)  ETA 0s\n');
    expect(plain.out).toContain('epoch 1/1 done in 3s: loss 2.2000 top-1 37.5% top-5 62.5%  val loss 2.0000 top-1 50.0% top-5 100.0%\n');
    expect(plain.out).toContain('finished after 1 epoch; best val top-1 50.0%\nlast checkpoint: /runs/r1/checkpoints/last\n');
    expect(plain.err).toBe('warning: Skipped /a.jpg: bad\n');
    expect(render('tty').out).toContain('\r\x1b[2Kepoch 1/1 [##########');
    const json = render('json').out.trim().split('\n').map((line) => JSON.parse(line) as TrainEvent);
    expect(json).toEqual(events);
  });
});
