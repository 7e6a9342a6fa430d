/** Test fixture: conv2d params, by default the first stem convolution (3×3/2 valid, 32 filters). */

import type { Conv2dParams } from '../types';

export const conv2dParams = (over: Partial<Conv2dParams> = {}): Conv2dParams => ({
  filters: 32,
  kernel: [3, 3],
  strides: [2, 2],
  padding: 'valid',
  activation: 'relu',
  batchNorm: true,
  bnGamma: false,
  bias: false,
  ...over,
});
