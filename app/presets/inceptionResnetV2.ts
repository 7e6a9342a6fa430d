/** Inception-ResNet-v2 from the paper's figures, with the two impossible 1×1 widths corrected. */

import { buildResnetPaper, PAPER_HEAD_NOTE, SCALES_NOTE, RESNET_PAPER_DEFAULTS } from './resnetPaper';
import type { ResnetPaperSpec } from './resnetPaper';
import type { PresetDefinition } from './types';

/** What the paper prints for IR-v2 (Figs 3, 16, 7, 17, 18, 19), shared with the as-printed preset. */
export const irV2PaperSpec: Omit<ResnetPaperSpec, 'name' | 'notes'> = {
  stem: 'stemV4',
  blocks: { a: 'inceptionResnetAV2', b: 'inceptionResnetBV2', c: 'inceptionResnetCV2' },
  reductionA: [256, 256, 384, 384],
  reductionB: 'reductionBResnetV2',
};

export const IRV2_PAPER_NOTES = [
  'Stem: the Inception-v4 stem (Fig 3), as the Fig 15 caption says.',
  'Reduction-A k, l, m, n = 256, 256, 384, 384 (Table 1); Reduction-B as Fig 18 (its caption says IR-v1, a typo).',
  SCALES_NOTE,
  PAPER_HEAD_NOTE,
];

export const inceptionResnetV2: PresetDefinition = {
  name: 'inception-resnet-v2',
  title: 'Inception-ResNet-v2 (paper, corrected)',
  note: 'Paper figures at 384/1152/2144 channels with the impossible 1154 and 2048 widths corrected.',
  reference: 'Szegedy et al. 2016, arXiv 1602.07261, Figs 3, 7, 15-19 and Table 1',
  defaults: RESNET_PAPER_DEFAULTS,
  build: (settings) =>
    buildResnetPaper(
      {
        ...irV2PaperSpec,
        name: 'Inception-ResNet-v2',
        notes: [
          'Corrected: Fig 17 prints the Inception-ResNet-B linear 1×1 as 1154 channels; its input has 1152 (Reduction-A 384 + 384 + 384), so it is 1152 here.',
          'Corrected: Fig 19 prints the Inception-ResNet-C linear 1×1 as 2048 channels; its input has 2144 (Reduction-B 1152 + 384 + 288 + 320), so it is 2144 here.',
          ...IRV2_PAPER_NOTES,
        ],
      },
      settings,
    ),
};
