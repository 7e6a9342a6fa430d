/** Inception-v4 (Fig 9): stem, 4 × A, Reduction-A, 7 × B, Reduction-B, 3 × C. */

import { DesignChain, settingsNotes } from './designChain';
import { PAPER_HEAD_NOTE } from './resnetPaper';
import type { PresetDefinition } from './types';

export const inceptionV4: PresetDefinition = {
  name: 'inception-v4',
  title: 'Inception-v4',
  note: 'Paper Fig 9: 4/7/3 Inception-A/B/C blocks, 1536 features, 42.7 M parameters.',
  reference: 'Szegedy et al. 2016, arXiv 1602.07261, Figs 3-9 and Table 1; TF-slim inception_v4.py',
  defaults: { bnGamma: true, dropout: 0.2, repeats: [4, 7, 3] },
  build(settings) {
    const chain = new DesignChain(settings);
    const [repeatA, repeatB, repeatC] = settings.repeats;
    chain.block('stem', 'stemV4');
    chain.repeat('a', repeatA, 'inceptionA', () => ({}));
    const [k, l, m, n] = [192, 224, 256, 384].map((filters) => chain.scaled(filters));
    chain.block('redA', 'reductionA', { k, l, m, n });
    chain.repeat('b', repeatB, 'inceptionB', () => ({}));
    chain.block('redB', 'reductionBV4');
    chain.repeat('c', repeatC, 'inceptionC', () => ({}));
    return chain.head().document('Inception-v4', [
      'Stem Fig 3 with its last 3×3 conv at stride 2 (Fig 3 omits it; 71 → 35 needs it).',
      'Factorised convolutions ordered as TF-slim where the figures differ (stem 1×7→7×1, Inception-B branch 1 ends 7×1, branch 2 starts 7×1, Inception-C branch 2 3×1→1×3): same parameters and MACs.',
      'Reduction-A k, l, m, n = 192, 224, 256, 384 (Table 1).',
      PAPER_HEAD_NOTE,
      ...settingsNotes(settings),
    ]);
  },
};
