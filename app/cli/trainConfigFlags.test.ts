import { describe, expect, it, vi } from 'vitest';
import { ADDED } from '../training/testing/extendedCore';
import { backendFlag } from './commandArgs';
import { trainConfigFlags } from './trainConfigFlags';

vi.mock('../training/hyperparameters', async (importOriginal) => {
  const { extendedHyperparameters } = await import('../training/testing/extendedCore');
  return extendedHyperparameters(await importOriginal());
});
vi.mock('../compute/backends', async (importOriginal) => {
  const { extendedBackends } = await import('../training/testing/extendedCore');
  return extendedBackends(await importOriginal());
});

describe('training flags derived from the core', () => {
  it('read the short flags and --set KEY=VALUE into the configuration', () => {
    expect(trainConfigFlags({ epochs: '3', batch: '8', lr: '0.01', seed: '0', set: ['labelSmoothing=0', 'weightDecay=1e-4'] })).toEqual({
      ok: true,
      value: { epochs: 3, batchSize: 8, learningRate: 0.01, seed: 0, labelSmoothing: 0, weightDecay: 1e-4 },
    });
  });

  it('refuse what the trainer would refuse, in its words, before a process starts', () => {
    expect(trainConfigFlags({ batch: '0' })).toEqual({ ok: false, error: '--batch 0: batchSize must be a whole number > 0.' });
    expect(trainConfigFlags({ batch: 'many' })).toEqual({ ok: false, error: '--batch many: expected a number.' });
    expect(trainConfigFlags({ set: ['emaDecay=1'] })).toEqual({ ok: false, error: '--set emaDecay=1: emaDecay must be a number in [0, 1) (0 disables the average).' });
    expect(trainConfigFlags({ set: ['speed=2'] })).toMatchObject({ ok: false, error: expect.stringMatching(/^--set speed=2: expected KEY=VALUE with KEY one of epochs, batchSize, .*seed, warmupEpochs\.$/) });
  });

  it('accept an optimizer, a hyperparameter and a backend added to the core', () => {
    expect(trainConfigFlags({ optimizer: ADDED.optimizer, set: [`${ADDED.hyperparameter}=2`] })).toEqual({ ok: true, value: { optimizer: ADDED.optimizer, [ADDED.hyperparameter]: 2 } });
    expect(trainConfigFlags({ set: [`${ADDED.hyperparameter}=11`] })).toEqual({ ok: false, error: `--set ${ADDED.hyperparameter}=11: ${ADDED.hyperparameter} must be a whole number in [0, 10].` });
    expect(trainConfigFlags({ optimizer: 'lbfgs' })).toEqual({ ok: false, error: '--optimizer lbfgs: expected rmsprop, sgd, adam, lion.' });
    expect(backendFlag(ADDED.backend)).toEqual({ ok: true, value: ADDED.backend });
    expect(backendFlag('tpu')).toEqual({ ok: false, error: '--backend tpu: expected tensorflow-gpu, webgpu, tensorflow, wasm, cpu or npu.' });
  });
});
