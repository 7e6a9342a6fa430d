/**
 * Inception-ResNet blocks (Figs 10-13 for v1, 16-19 for v2). One type per variant, so each
 * variant's paper width is its `channels` default: `inceptionResnetAV1`, `inceptionResnetAV2`, ….
 */

import type { BlockTemplate, ResidualStep, TemplateStep } from '../types';
import { bnGammaParam, branches, conv, linear, oneInput, residualParams, seq, widthParam } from './steps';

/** `activation(input + scale · linear1×1(concat(branches)))` with the block's named params. */
export function residualBody(...bodies: TemplateStep[][]): ResidualStep {
  return {
    op: 'residual',
    name: 'add',
    body: seq(undefined, branches('concat', ...bodies), linear('linear', { param: 'channels' })),
    scale: { param: 'scale' },
    activation: { param: 'activation' },
  };
}

/** 35×35 residual branches of IR-v2 (Fig 16) and TF-slim Block35. */
export const irV2ABranches: TemplateStep[][] = [
  [conv('conv1', 32, [1, 1])],
  [conv('conv1', 32, [1, 1]), conv('conv2', 32, [3, 3])],
  [conv('conv1', 32, [1, 1]), conv('conv2', 48, [3, 3]), conv('conv3', 64, [3, 3])],
];

/** 17×17 residual branches of IR-v2 (Fig 17) and TF-slim Block17. */
export const irV2BBranches: TemplateStep[][] = [
  [conv('conv1', 192, [1, 1])],
  [conv('conv1', 128, [1, 1]), conv('conv2', 160, [1, 7]), conv('conv3', 192, [7, 1])],
];

/** 8×8 residual branches of IR-v2 (Fig 19) and TF-slim Block8. */
export const irV2CBranches: TemplateStep[][] = [
  [conv('conv1', 192, [1, 1])],
  [conv('conv1', 192, [1, 1]), conv('conv2', 224, [1, 3]), conv('conv3', 256, [3, 1])],
];

interface ResidualBlockSpec {
  type: string;
  label: string;
  description: string;
  source: string;
  channels: number;
  scale: number;
  bnGamma: boolean;
  body: ResidualStep;
}

export function residualBlock(spec: ResidualBlockSpec): BlockTemplate {
  return {
    type: spec.type,
    label: spec.label,
    category: 'Residual blocks',
    description: spec.description,
    source: spec.source,
    params: [widthParam, bnGammaParam(spec.bnGamma), ...residualParams(spec.channels, spec.scale)],
    inputs: oneInput,
    body: spec.body,
  };
}

const scaleNote = 'scale default 0.17 / 0.10 / 0.20 from TF-slim and facenet; the paper gives 0.1-0.3 (D14)';

export const inceptionResnetTemplates: readonly BlockTemplate[] = [
  residualBlock({
    type: 'inceptionResnetAV1',
    label: 'Inception-ResNet-A (v1)',
    description: '35×35×256 residual block; 1×1 linear back to `channels`.',
    source: `arXiv 1602.07261 Fig 10; ${scaleNote}`,
    channels: 256,
    scale: 0.17,
    bnGamma: true,
    body: residualBody(
      [conv('conv1', 32, [1, 1])],
      [conv('conv1', 32, [1, 1]), conv('conv2', 32, [3, 3])],
      [conv('conv1', 32, [1, 1]), conv('conv2', 32, [3, 3]), conv('conv3', 32, [3, 3])],
    ),
  }),
  residualBlock({
    type: 'inceptionResnetAV2',
    label: 'Inception-ResNet-A (v2)',
    description: '35×35×384 residual block; 1×1 linear back to `channels`.',
    source: `arXiv 1602.07261 Fig 16; ${scaleNote}`,
    channels: 384,
    scale: 0.17,
    bnGamma: true,
    body: residualBody(...irV2ABranches),
  }),
  residualBlock({
    type: 'inceptionResnetBV1',
    label: 'Inception-ResNet-B (v1)',
    description: '17×17×896 residual block with a factorised 7×7 branch.',
    source: `arXiv 1602.07261 Fig 11; ${scaleNote}`,
    channels: 896,
    scale: 0.1,
    bnGamma: true,
    body: residualBody([conv('conv1', 128, [1, 1])], [conv('conv1', 128, [1, 1]), conv('conv2', 128, [1, 7]), conv('conv3', 128, [7, 1])]),
  }),
  residualBlock({
    type: 'inceptionResnetBV2',
    label: 'Inception-ResNet-B (v2)',
    description: '17×17×1152 residual block. The figure prints 1154 for the linear 1×1, which cannot be added to 1152 (D1).',
    source: `arXiv 1602.07261 Fig 17 with channels 1152 (printed 1154, D1); ${scaleNote}`,
    channels: 1152,
    scale: 0.1,
    bnGamma: true,
    body: residualBody(...irV2BBranches),
  }),
  residualBlock({
    type: 'inceptionResnetCV1',
    label: 'Inception-ResNet-C (v1)',
    description: '8×8×1792 residual block with a factorised 3×3 branch.',
    source: `arXiv 1602.07261 Fig 13 (branch 0 = 192 as facenet, titu1994 #8); ${scaleNote}`,
    channels: 1792,
    scale: 0.2,
    bnGamma: true,
    body: residualBody([conv('conv1', 192, [1, 1])], [conv('conv1', 192, [1, 1]), conv('conv2', 192, [1, 3]), conv('conv3', 192, [3, 1])]),
  }),
  residualBlock({
    type: 'inceptionResnetCV2',
    label: 'Inception-ResNet-C (v2)',
    description: '8×8×2144 residual block. The figure prints 2048 for the linear 1×1, which cannot be added to 2144 (D2).',
    source: `arXiv 1602.07261 Fig 19 with channels 2144 (printed 2048, D2); ${scaleNote}`,
    channels: 2144,
    scale: 0.2,
    bnGamma: true,
    body: residualBody(...irV2CBranches),
  }),
];
