import { describe, expect, it } from 'vitest';
import { layerIdOf, tfjsLayerName } from './layerNames';

describe('tfjs layer names', () => {
  it('maps layer ids that tfjs cannot name reversibly', () => {
    expect(tfjsLayerName('b3/branch1/conv')).toBe('b3/branch1/conv');
    expect(tfjsLayerName('_x/conv')).toBe('L._x/conv');
    expect(layerIdOf(tfjsLayerName('_x/conv'))).toBe('_x/conv');
    expect(layerIdOf('b3/conv')).toBe('b3/conv');
  });

  it.each(['conv!', 'b1/branch 0', '_x:y', 'b1/conv\n'])('refuses an id with a character no tfjs name can hold anywhere: %j', (id) => {
    expect(() => tfjsLayerName(id)).toThrow(new Error(`Layer id '${id}' has characters a TensorFlow.js name cannot hold (letters, digits, '_', '-', '/' only)`));
  });
});
