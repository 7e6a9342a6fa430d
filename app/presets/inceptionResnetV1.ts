/** Inception-ResNet-v1 (Fig 15): the plain Fig 14 stem, 5/10/5 residual blocks at 256/896/1792. */

import { buildResnetPaper, PAPER_HEAD_NOTE, SCALES_NOTE, RESNET_PAPER_DEFAULTS } from './resnetPaper';
import type { PresetDefinition } from './types';

export const inceptionResnetV1: PresetDefinition = {
  name: 'inception-resnet-v1',
  title: 'Inception-ResNet-v1',
  note: 'Paper Fig 15: 5/10/5 residual blocks at 256/896/1792 channels, the cheaper residual net.',
  reference: 'Szegedy et al. 2016, arXiv 1602.07261, Figs 7, 10-15 and Table 1; facenet inception_resnet_v1.py',
  defaults: RESNET_PAPER_DEFAULTS,
  build: (settings) =>
    buildResnetPaper(
      {
        name: 'Inception-ResNet-v1',
        stem: 'stemResnetV1',
        blocks: { a: 'inceptionResnetAV1', b: 'inceptionResnetBV1', c: 'inceptionResnetCV1' },
        reductionA: [192, 192, 256, 384],
        reductionB: 'reductionBResnetV1',
        notes: ['Reduction-A k, l, m, n = 192, 192, 256, 384 (Table 1).', SCALES_NOTE, PAPER_HEAD_NOTE],
      },
      settings,
    ),
};
