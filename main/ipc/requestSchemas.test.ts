/** The request schemas take their names and ranges from the core: a name added there is accepted here. */

import { describe, expect, it, vi } from 'vitest';
import { ADDED } from '../../app/training/testing/extendedCore';
import { requestSchemas } from './requestSchemas';

vi.mock('../../app/training/hyperparameters', async (importOriginal) => {
  const { extendedHyperparameters } = await import('../../app/training/testing/extendedCore');
  return extendedHyperparameters(await importOriginal());
});
vi.mock('../../app/compute/backends', async (importOriginal) => {
  const { extendedBackends } = await import('../../app/training/testing/extendedCore');
  return extendedBackends(await importOriginal());
});

const start = (config: Record<string, unknown>, backend?: string) => requestSchemas.startTraining({ design: '{}', config, ...(backend ? { backend } : {}) }, 'request');

describe('request schemas derived from the core', () => {
  it('accept an optimizer, a hyperparameter and a backend added to the core', () => {
    expect(start({ optimizer: ADDED.optimizer, [ADDED.hyperparameter]: 3 }, ADDED.backend)).toEqual({
      ok: true,
      value: { design: '{}', config: { optimizer: ADDED.optimizer, [ADDED.hyperparameter]: 3 }, backend: ADDED.backend },
    });
    expect(requestSchemas.predict({ model: { kind: 'modelDir', path: '/m' }, images: [], top: 1, backend: ADDED.backend }, 'request')).toMatchObject({ ok: true });
  });

  it('check the added hyperparameter against its range from the core', () => {
    expect(start({ [ADDED.hyperparameter]: 11 })).toEqual({ ok: false, error: `request.config.${ADDED.hyperparameter}: expected a number ≤ 10, found number 11` });
    expect(start({ [ADDED.hyperparameter]: 1.5 })).toMatchObject({ ok: false, error: expect.stringMatching(/expected an integer/) });
  });

  it('still refuse names the core does not have', () => {
    expect(start({ optimizer: 'lbfgs' })).toMatchObject({ ok: false, error: expect.stringMatching(/request\.config\.optimizer: expected "rmsprop" or "sgd" or "adam" or "lion", found "lbfgs"/) });
    expect(start({}, 'tpu')).toMatchObject({ ok: false, error: expect.stringMatching(/or "npu", found "tpu"/) });
  });
});
