import { describe, expect, it } from 'vitest';
import { inferenceReplicaCount, replicaCount, workersProblem } from './replicas';

describe('replicaCount', () => {
  it('uses every core on wasm unless told otherwise', () => {
    expect(replicaCount('wasm', undefined, 2, 32)).toBe(2);
    expect(replicaCount('wasm', 1, 2, 32)).toBe(1);
    expect(replicaCount('wasm', 3, 2, 32)).toBe(3);
  });

  it('leaves at least 8 images to each replica by default, and does as told when told', () => {
    expect(replicaCount('wasm', undefined, 4, 24)).toBe(3);
    expect(replicaCount('wasm', undefined, 2, 15)).toBe(1);
    expect(replicaCount('wasm', undefined, 2, 4)).toBe(1);
    expect(replicaCount('wasm', 2, 2, 4)).toBe(2);
  });

  it('trains one replica on the other backends', () => {
    expect(replicaCount('cpu', 4, 8, 32)).toBe(1);
    expect(replicaCount('tensorflow', undefined, 8, 32)).toBe(1);
  });

  it('names a count that is not a whole number from 1 to 64', () => {
    expect(workersProblem(2)).toBeNull();
    expect(workersProblem(0)).toBe('workers must be a whole number in [1, 64], got 0');
    expect(workersProblem(Number('two'))).toBe('workers must be a whole number in [1, 64], got something that is not a number');
    expect(workersProblem(1.5)).toContain('whole number');
  });
});

describe('inferenceReplicaCount', () => {
  it('splits batches over every core on wasm only', () => {
    expect(inferenceReplicaCount('wasm', 2)).toBe(2);
    expect(inferenceReplicaCount('wasm', 0)).toBe(1);
    expect(inferenceReplicaCount('tensorflow', 8)).toBe(1);
  });
});
