/** The Inception-v4 blocks (Figs 4-6), in TF-slim order where the figures swap 1×n / n×1 (D9-D11). */

import type { BlockTemplate } from '../types';
import { avgPoolSame, bnGammaParam, branches, conv, oneInput, widthParam } from './steps';

const params = [widthParam, bnGammaParam(true)];

export const inceptionA: BlockTemplate = {
  type: 'inceptionA',
  label: 'Inception-A',
  category: 'Inception blocks',
  description: '35×35 grid module: 1×1, 3×3, double 3×3 and pool branches. 35×35×384 → 35×35×384.',
  source: 'arXiv 1602.07261 Fig 4 (TF-slim Mixed_5b..5e)',
  params,
  inputs: oneInput,
  body: branches(
    'concat',
    [conv('conv1', 96, [1, 1])],
    [conv('conv1', 64, [1, 1]), conv('conv2', 96, [3, 3])],
    [conv('conv1', 64, [1, 1]), conv('conv2', 96, [3, 3]), conv('conv3', 96, [3, 3])],
    [avgPoolSame(), conv('conv1', 96, [1, 1])],
  ),
};

export const inceptionB: BlockTemplate = {
  type: 'inceptionB',
  label: 'Inception-B',
  category: 'Inception blocks',
  description: '17×17 grid module with factorised 7×7 convolutions. 17×17×1024 → 17×17×1024.',
  source: 'arXiv 1602.07261 Fig 5; branch 1 ends 7×1 (D9) and branch 2 starts 7×1 (D10) as in TF-slim Mixed_6b..6h',
  params,
  inputs: oneInput,
  body: branches(
    'concat',
    [conv('conv1', 384, [1, 1])],
    [conv('conv1', 192, [1, 1]), conv('conv2', 224, [1, 7]), conv('conv3', 256, [7, 1])],
    [
      conv('conv1', 192, [1, 1]),
      conv('conv2', 192, [7, 1]),
      conv('conv3', 224, [1, 7]),
      conv('conv4', 224, [7, 1]),
      conv('conv5', 256, [1, 7]),
    ],
    [avgPoolSame(), conv('conv1', 128, [1, 1])],
  ),
};

export const inceptionC: BlockTemplate = {
  type: 'inceptionC',
  label: 'Inception-C',
  category: 'Inception blocks',
  description: '8×8 grid module with split 1×3 / 3×1 outputs. 8×8×1536 → 8×8×1536.',
  source: 'arXiv 1602.07261 Fig 6; branch 2 ordered 3×1 then 1×3 (D11) as in TF-slim Mixed_7b..7d',
  params,
  inputs: oneInput,
  body: branches(
    'concat',
    [conv('conv1', 256, [1, 1])],
    [conv('conv1', 384, [1, 1]), branches('split', [conv('conv2', 256, [1, 3])], [conv('conv2', 256, [3, 1])])],
    [
      conv('conv1', 384, [1, 1]),
      conv('conv2', 448, [3, 1]),
      conv('conv3', 512, [1, 3]),
      branches('split', [conv('conv4', 256, [1, 3])], [conv('conv4', 256, [3, 1])]),
    ],
    [avgPoolSame(), conv('conv1', 256, [1, 1])],
  ),
};

export const inceptionTemplates: readonly BlockTemplate[] = [inceptionA, inceptionB, inceptionC];
