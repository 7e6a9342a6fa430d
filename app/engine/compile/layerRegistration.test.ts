import * as tf from '@tensorflow/tfjs';
import { describe, expect, it } from 'vitest';

// A process that only loads saved models never builds these layers before loading one: importing
// their modules must register them, under the class names saved topologies carry.
describe('registering the studio layers', () => {
  it('puts each under its saved class name when its module is imported', async () => {
    const { BatchNorm } = await import('./batchNorm');
    const { ScaledResidual } = await import('./scaledResidual');
    const registered = tf.serialization.SerializationMap.getMap().classNameMap;
    expect(registered.InceptionStudioBatchNorm?.[0]).toBe(BatchNorm);
    expect(registered.ScaledResidual?.[0]).toBe(ScaledResidual);
  });
});
