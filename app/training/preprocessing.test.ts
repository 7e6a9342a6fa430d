import { describe, expect, it } from 'vitest';
import { INCEPTION_PREPROCESSING, inputPreparation, preparationProblem } from './preprocessing';

describe('Inception preprocessing', () => {
  it('is TF-slim’s preprocess_for_eval: central 87.5%, bilinear with half-pixel centres, pixel / 127.5 − 1', () => {
    expect(INCEPTION_PREPROCESSING).toEqual({
      centralCropFraction: 0.875,
      resize: { method: 'bilinear', halfPixelCenters: true, antialias: false },
      valueRange: [-1, 1],
      scale: 1 / 127.5,
      offset: -1,
      layout: 'NHWC',
    });
  });

  it('prepares a non-square input with its height and width in place, and luminance for one channel', () => {
    expect(inputPreparation([120, 160, 3])).toMatchObject({ height: 120, width: 160, channels: 3, colour: 'rgb', centralCropFraction: 0.875, autoOrient: true });
    expect(inputPreparation([28, 32, 1])).toMatchObject({ height: 28, width: 32, channels: 1, colour: 'grayscale' });
  });

  it('accepts the preparation it records, and names the field of one it cannot follow', () => {
    const input = [120, 160, 3];
    const recorded = inputPreparation(input);
    expect(preparationProblem(recorded, input)).toBeNull();
    expect(preparationProblem(recorded, [160, 120, 3])).toBe('preprocessing.height is 120, the network input has 160');
    expect(preparationProblem({ ...recorded, width: 120 }, input)).toBe('preprocessing.width is 120, the network input has 160');
    expect(preparationProblem(recorded, [120, 160, 1])).toBe('preprocessing.channels is 3, the network input has 1');
    expect(preparationProblem({ ...recorded, colour: 'grayscale' }, input)).toBe("preprocessing.colour should be 'rgb' for 3 channels");
    expect(preparationProblem({ ...inputPreparation([8, 8, 1]), colour: 'rgb' }, [8, 8, 1])).toBe("preprocessing.colour should be 'grayscale' for 1 channel");
    for (const fraction of [0, -0.5, 1.0001, '0.875', Number.NaN]) expect(preparationProblem({ ...recorded, centralCropFraction: fraction }, input), String(fraction)).toBe('preprocessing.centralCropFraction should be a number in (0, 1]');
    expect(preparationProblem({ ...recorded, centralCropFraction: 1 }, input)).toBeNull();
    expect(preparationProblem({ ...recorded, scale: Number.POSITIVE_INFINITY }, input)).toBe('preprocessing.scale should be a finite number');
    expect(preparationProblem({ ...recorded, offset: '-1' }, input)).toBe('preprocessing.offset should be a finite number');
    expect(preparationProblem({ ...recorded, resize: { method: 'nearest' } }, input)).toBe("preprocessing.resize.method 'nearest' is not supported (only 'bilinear')");
    expect(preparationProblem({ ...recorded, resize: undefined }, input)).toBe("preprocessing.resize.method 'undefined' is not supported (only 'bilinear')");
    expect(preparationProblem({ ...recorded, layout: 'NCHW' }, input)).toBe("preprocessing.layout should be 'NHWC'");
    for (const value of [null, 'x', 3]) expect(preparationProblem(value, input)).toBe('preprocessing should be an object');
  });
});
