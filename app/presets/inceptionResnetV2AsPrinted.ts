/** Inception-ResNet-v2 exactly as the figures print it: the analysis flags the two impossible additions. */

import { buildResnetPaper, RESNET_PAPER_DEFAULTS } from './resnetPaper';
import { IRV2_PAPER_NOTES, irV2PaperSpec } from './inceptionResnetV2';
import type { PresetDefinition } from './types';

export const inceptionResnetV2AsPrinted: PresetDefinition = {
  name: 'inception-resnet-v2-as-printed',
  title: 'Inception-ResNet-v2 (as printed)',
  note: 'The paper figures taken literally: 1154- and 2048-channel residuals that cannot be added (errors on purpose).',
  reference: 'Szegedy et al. 2016, arXiv 1602.07261, Figs 17 and 19 as printed',
  defaults: RESNET_PAPER_DEFAULTS,
  build: (settings) =>
    buildResnetPaper(
      {
        ...irV2PaperSpec,
        name: 'Inception-ResNet-v2 (as printed)',
        printedChannels: { b: 1154, c: 2048 },
        notes: [
          'As printed: the Inception-ResNet-B linear 1×1 has 1154 channels (Fig 17) but its input has 1152, so every B block’s residual addition fails.',
          'As printed: the Inception-ResNet-C linear 1×1 has 2048 channels (Fig 19) but its input has 2144, so every C block’s residual addition fails.',
          ...IRV2_PAPER_NOTES,
        ],
      },
      settings,
    ),
};
