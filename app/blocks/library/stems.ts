/** The stems: 299×299×3 → 35×35 (Fig 3 for Inception-v4 / IR-v2 paper, Fig 14 for IR-v1). */

import type { BlockTemplate } from '../types';
import { bnGammaParam, branches, conv, convDown, maxPoolDown, oneInput, seq, widthParam } from './steps';

/** The three plain convolutions every stem starts with: 299 → 149 → 147 → 147. */
export const stemOpening = [
  convDown('conv1', 32),
  conv('conv2', 32, [3, 3], { padding: 'valid' }),
  conv('conv3', 64, [3, 3]),
];

export const stemV4: BlockTemplate = {
  type: 'stemV4',
  label: 'Stem (Inception-v4)',
  category: 'Stems',
  description: 'Inception-v4 stem, also the paper’s Inception-ResNet-v2 stem: 299×299×3 → 35×35×384.',
  source:
    'arXiv 1602.07261 Fig 3; step-6 conv given stride 2 (D7) and the factorised pair ordered 1×7 then 7×1 as in TF-slim (D8)',
  params: [widthParam, bnGammaParam(true)],
  inputs: oneInput,
  body: seq(
    undefined,
    ...stemOpening,
    seq('mixed3a', branches('concat', [maxPoolDown()], [convDown('conv1', 96)])),
    seq(
      'mixed4a',
      branches(
        'concat',
        [conv('conv1', 64, [1, 1]), conv('conv2', 96, [3, 3], { padding: 'valid' })],
        [
          conv('conv1', 64, [1, 1]),
          conv('conv2', 64, [1, 7]),
          conv('conv3', 64, [7, 1]),
          conv('conv4', 96, [3, 3], { padding: 'valid' }),
        ],
      ),
    ),
    seq('mixed5a', branches('concat', [convDown('conv1', 192)], [maxPoolDown()])),
  ),
};

export const stemResnetV1: BlockTemplate = {
  type: 'stemResnetV1',
  label: 'Stem (Inception-ResNet-v1)',
  category: 'Stems',
  description: 'Inception-ResNet-v1 stem: plain convolutions, 299×299×3 → 35×35×256.',
  source: 'arXiv 1602.07261 Fig 14 (as facenet inception_resnet_v1.py)',
  params: [widthParam, bnGammaParam(true)],
  inputs: oneInput,
  body: seq(
    undefined,
    ...stemOpening,
    maxPoolDown(),
    conv('conv4', 80, [1, 1]),
    conv('conv5', 192, [3, 3], { padding: 'valid' }),
    convDown('conv6', 256),
  ),
};

export const stemTemplates: readonly BlockTemplate[] = [stemV4, stemResnetV1];
