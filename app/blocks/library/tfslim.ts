/**
 * The released Inception-ResNet-v2 (TF-slim `inception_resnet_v2.py` = Keras = timm): a plain
 * stem, an Inception-v3 Mixed_5b, Block35/17/8 at 320/1088/2080 and a final 1×1 to 1536.
 * BN defaults to no gamma, as TF-slim and Keras train it.
 */

import type { BlockTemplate } from '../types';
import { irV2ABranches, irV2BBranches, irV2CBranches, residualBlock, residualBody } from './inceptionResnet';
import { avgPoolSame, bnGammaParam, branches, conv, maxPoolDown, oneInput, seq, widthParam } from './steps';
import { stemOpening } from './stems';

const params = [widthParam, bnGammaParam(false)];
const slim = 'TF-slim inception_resnet_v2.py (commit 0223fe37), Keras InceptionResNetV2';

export const stemTfslim: BlockTemplate = {
  type: 'stemTfslim',
  label: 'Stem (IR-v2 TF-slim)',
  category: 'Stems',
  description: 'Released Inception-ResNet-v2 stem: plain convolutions and two max pools, 299×299×3 → 35×35×192.',
  source: `${slim}: Conv2d_1a..MaxPool_5a (the paper uses the Fig 3 stem instead, D3)`,
  params,
  inputs: oneInput,
  body: seq(
    undefined,
    ...stemOpening,
    maxPoolDown('pool1'),
    conv('conv4', 80, [1, 1]),
    conv('conv5', 192, [3, 3], { padding: 'valid' }),
    maxPoolDown('pool2'),
  ),
};

export const mixed5b: BlockTemplate = {
  type: 'mixed5b',
  label: 'Mixed_5b',
  category: 'Inception blocks',
  description: 'Inception-v3-style 35×35 module of the released IR-v2: 35×35×192 → 35×35×320.',
  source: `${slim}: Mixed_5b (not in the paper, D3)`,
  params,
  inputs: oneInput,
  body: branches(
    'concat',
    [conv('conv1', 96, [1, 1])],
    [conv('conv1', 48, [1, 1]), conv('conv2', 64, [5, 5])],
    [conv('conv1', 64, [1, 1]), conv('conv2', 96, [3, 3]), conv('conv3', 96, [3, 3])],
    [avgPoolSame(), conv('conv1', 64, [1, 1])],
  ),
};

export const conv7b: BlockTemplate = {
  type: 'conv7b',
  label: 'Conv2d_7b 1×1',
  category: 'Layers',
  description: 'The released IR-v2’s 1×1 conv (BN + ReLU) from the last 8×8 block to 1536 channels before pooling.',
  source: `${slim}: Conv2d_7b_1x1 (not in the paper, D6)`,
  params,
  inputs: oneInput,
  body: conv('conv', 1536, [1, 1]),
};

export const tfslimTemplates: readonly BlockTemplate[] = [
  stemTfslim,
  mixed5b,
  residualBlock({
    type: 'block35',
    label: 'Block35',
    description: '35×35×320 residual block of the released IR-v2 (Fig 16 branches).',
    source: `${slim}: block35, scale 0.17`,
    channels: 320,
    scale: 0.17,
    bnGamma: false,
    body: residualBody(...irV2ABranches),
  }),
  residualBlock({
    type: 'block17',
    label: 'Block17',
    description: '17×17×1088 residual block of the released IR-v2 (Fig 17 branches).',
    source: `${slim}: block17, scale 0.10`,
    channels: 1088,
    scale: 0.1,
    bnGamma: false,
    body: residualBody(...irV2BBranches),
  }),
  residualBlock({
    type: 'block8',
    label: 'Block8',
    description: "8×8×2080 residual block of the released IR-v2 (Fig 19 branches); the last one runs with scale 1 and activation 'linear'.",
    source: `${slim}: block8, scale 0.20; the final block8(activation_fn=None) has scale 1.0`,
    channels: 2080,
    scale: 0.2,
    bnGamma: false,
    body: residualBody(...irV2CBranches),
  }),
  conv7b,
];
