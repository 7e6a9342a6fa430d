/**
 * Stand-ins for the core's name lists with one more optimizer, hyperparameter and backend, for
 * tests that prove the schemas, the command line and the training panel derive from the core:
 * `vi.mock` a core module with these, and the new names must show up downstream.
 */

import type * as Backends from '../../compute/backends';
import type * as Hyperparameters from '../hyperparameters';

export const ADDED = { optimizer: 'lion', hyperparameter: 'warmupEpochs', backend: 'npu' } as const;

export function extendedHyperparameters(core: typeof Hyperparameters): typeof Hyperparameters {
  const OPTIMIZER_NAMES = [...core.OPTIMIZER_NAMES, ADDED.optimizer] as unknown as typeof core.OPTIMIZER_NAMES;
  const HYPERPARAMETERS = {
    ...core.HYPERPARAMETERS,
    [ADDED.hyperparameter]: { range: { min: 0, max: 10, integer: true }, label: 'Warm-up epochs', step: 1, explanation: 'Epochs at a rising learning rate before the schedule starts.' },
  } as typeof core.HYPERPARAMETERS;
  return {
    ...core,
    OPTIMIZER_NAMES,
    isOptimizerName: (value: unknown): value is Hyperparameters.OptimizerName => (OPTIMIZER_NAMES as readonly unknown[]).includes(value),
    HYPERPARAMETERS,
    NUMERIC_HYPERPARAMETERS: Object.keys(HYPERPARAMETERS) as Hyperparameters.NumericHyperparameter[],
  };
}

export function extendedBackends(core: typeof Backends): typeof Backends {
  const BACKENDS = [...core.BACKENDS, { name: ADDED.backend, title: 'Neural processing unit' }] as unknown as typeof core.BACKENDS;
  const BACKEND_NAMES = BACKENDS.map((backend) => backend.name);
  return {
    ...core,
    BACKENDS,
    BACKEND_NAMES,
    isBackendName: (value: unknown): value is Backends.BackendName => (BACKEND_NAMES as readonly unknown[]).includes(value),
    backendTitle: (name) => BACKENDS.find((backend) => backend.name === name)?.title ?? name,
  };
}
