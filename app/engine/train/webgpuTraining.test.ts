/**
 * Training end to end on the webgpu backend: in a trainer process, a tiny Inception-ResNet
 * design learns, epoch for epoch like the wasm backend, and the process exits; in this process
 * a device failure mid-run stops a run with its last checkpoint and the batch to use, and the
 * run resumes from that checkpoint.
 */

import * as tf from '@tensorflow/tfjs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { chain } from '../../analysis/testing/designs';
import { serializeDesign } from '../../design/document';
import { releaseWebGpu } from '../backends/webgpu';
import { useTestFolder } from '../testing/testFolders';
import { webGpuSkipReason } from '../testing/webgpuTesting';
import type { TrainEvent } from '../../training/types';
import { startTrainer } from './trainerClient';
import { eventsOf, recordRun } from './trainFixtures';
import type { TrainerStartRequest } from '../../training/processProtocol';

const skip = await webGpuSkipReason();
const folder = useTestFolder('webgpu-train-', { classes: 3, perClass: 8, size: 36 });

/** 32×32 → a stem convolution → one Inception-ResNet-A block → classifier: seconds per epoch even on a software adapter. */
const tinyDesign = serializeDesign(
  chain(
    [
      ['stem', 'conv2d', { filters: 8, kernel: [3, 3], strides: [2, 2], padding: 'valid' }],
      ['block', 'inceptionResnetAV2', { width: 0.0625, channels: 8 }],
      ['pool', 'globalAvgPool'],
      ['logits', 'dense', { units: 3 }],
      ['softmax', 'softmax'],
    ],
    [32, 32, 3],
  ),
);

const request = (runDir: string, backend: 'webgpu' | 'wasm', epochs: number): TrainerStartRequest => ({
  design: tinyDesign,
  data: folder.data,
  runDir: join(folder.root, runDir),
  backend,
  config: { optimizer: 'adam', learningRate: 0.01, batchSize: 6, epochs, validationSplit: 0.25, seed: 2 },
});

describe.skipIf(skip !== null)(`training on webgpu${skip ? ` (skipped: ${skip})` : ''}`, () => {
  afterAll(() => releaseWebGpu());

  it('learns in a trainer process, with the same losses as the wasm backend, and the process exits', async () => {
    // The child inherits this process's environment, and with it the test adapter.
    const events: TrainEvent[] = [];
    const trainer = startTrainer(request('gpu', 'webgpu', 3), { onEvent: (event) => events.push(event), onOutput: () => undefined });
    const exit = await trainer.exited;
    expect(exit).toMatchObject({ code: 0, final: { type: 'done', reason: 'completed' } });
    expect(eventsOf(events, 'start')[0].backend).toBe('webgpu');
    const cpu = await recordRun(request('cpu', 'wasm', 3));
    const losses = (list: readonly TrainEvent[]) => eventsOf(list, 'epoch').map((e) => [e.train.loss, e.validation?.loss ?? NaN]);
    const [gpuLosses, cpuLosses] = [losses(events), losses(cpu.events)];
    expect(gpuLosses).toHaveLength(3);
    expect(gpuLosses[2][0]).toBeLessThan(gpuLosses[0][0] * 0.75);
    gpuLosses.flat().forEach((loss, i) => expect(Math.abs(loss - cpuLosses.flat()[i]) / cpuLosses.flat()[i]).toBeLessThan(1e-3));
  }, 180_000);

  it('stops on a device failure with its last checkpoint and the batch to use, then resumes from it', async () => {
    let failed = false;
    const broken = await recordRun(request('broken', 'webgpu', 2), (event) => {
      // After the first epoch's checkpoint, the device refuses a buffer as it would a tensor too large for it.
      if (event.type !== 'checkpoint' || failed) return;
      failed = true;
      const device = (tf.backend() as unknown as { device: GPUDevice }).device;
      device.createBuffer({ size: device.limits.maxBufferSize * 2, usage: GPUBufferUsage.STORAGE });
    });
    expect(broken.outcome).toBe('failed');
    const last = join(folder.root, 'broken', 'checkpoints', 'last');
    const [error] = eventsOf(broken.events, 'error');
    expect(error.lastCheckpoint).toBe(last);
    expect(error.message).toMatch(/^Training ran out of memory \(WebGPU validation error: Buffer size .* exceeds the max buffer size/);
    expect(error.message).toContain('Use a smaller batch (--batch 3)');
    expect(error.message).toContain(`The last checkpoint is kept in ${last}`);
    expect(eventsOf(broken.events, 'epoch')).toHaveLength(1);

    const resumed = await recordRun({ ...request('broken', 'webgpu', 2), design: '', resume: true });
    expect(resumed.outcome).toBe('completed');
    expect(eventsOf(resumed.events, 'start')[0].resumedFrom).toEqual({ epoch: 2, step: 0 });
    expect(eventsOf(resumed.events, 'epoch').map((e) => e.epoch)).toEqual([2]);
  }, 180_000);
});
