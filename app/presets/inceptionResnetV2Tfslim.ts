/** The released Inception-ResNet-v2 (TF-slim = Keras = timm): what pretrained checkpoints contain. */

import type { ParamValues } from '../design/types';
import { DesignChain, settingsNotes } from './designChain';
import { RESIDUAL_SCALES } from './resnetPaper';
import type { PresetDefinition } from './types';

export const inceptionResnetV2Tfslim: PresetDefinition = {
  name: 'inception-resnet-v2-tfslim',
  title: 'Inception-ResNet-v2 (TF-slim / Keras / timm)',
  note: 'The released network: Mixed_5b, 10/20/10 blocks at 320/1088/2080, 1×1 to 1536; 55.9 M parameters.',
  reference: 'TF-slim inception_resnet_v2.py, Keras InceptionResNetV2, timm inception_resnet_v2',
  defaults: { bnGamma: false, dropout: 0, repeats: [10, 20, 10], scales: RESIDUAL_SCALES },
  build(settings) {
    const chain = new DesignChain(settings);
    const [scaleA, scaleB, scaleC] = settings.scales ?? RESIDUAL_SCALES;
    const [repeatA, repeatB, repeatC] = settings.repeats;
    chain.block('stem', 'stemTfslim').block('mixed5b', 'mixed5b');
    chain.repeat('a', repeatA, 'block35', () => ({ channels: chain.channels, scale: scaleA }));
    const [k, l, m, n] = [256, 256, 384, 384].map((filters) => chain.scaled(filters));
    chain.block('redA', 'reductionA', { k, l, m, n });
    chain.repeat('b', repeatB, 'block17', () => ({ channels: chain.channels, scale: scaleB }));
    chain.block('redB', 'reductionBResnetV2');
    const last = repeatC - 1;
    chain.repeat('c', repeatC, 'block8', (index): ParamValues =>
      index === last ? { channels: chain.channels, scale: 1, activation: 'linear' } : { channels: chain.channels, scale: scaleC },
    );
    chain.block('conv7b', 'conv7b');
    return chain.head().document('Inception-ResNet-v2 (TF-slim)', [
      'The released network, not the paper figures: plain stem to 35×35×192 and Mixed_5b to 320 channels (D3).',
      'Repeats 10 / 20 / 10 (D4); the last Block8 has scale 1.0 and no ReLU (TF-slim block8(activation_fn=None)).',
      'Widths 320 / 1088 / 2080 and a final 1×1 conv to 1536 (Conv2d_7b_1x1, D5, D6).',
      'Batch norm without gamma and no dropout, as Keras; 1000 classes (TF-slim checkpoints have 1001).',
      ...settingsNotes(settings),
    ]);
  },
};
