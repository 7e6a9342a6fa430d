/** Grid reductions 35→17 (Reduction-A, Fig 7 + Table 1) and 17→8 (Reduction-B, Figs 8, 12, 18). */

import type { BlockTemplate, TemplateStep } from '../types';
import { bnGammaParam, branches, conv, convDown, intParam, maxPoolDown, oneInput, widthParam } from './steps';

const params = [widthParam, bnGammaParam(true)];

export const reductionA: BlockTemplate = {
  type: 'reductionA',
  label: 'Reduction-A',
  category: 'Reduction blocks',
  description: '35×35 → 17×17. Output channels = input + n + m. Table 1: v4 (192, 224, 256, 384), IR-v1 (192, 192, 256, 384), IR-v2 (256, 256, 384, 384).',
  source: 'arXiv 1602.07261 Fig 7 and Table 1 (TF-slim Mixed_6a)',
  params: [
    ...params,
    intParam('k', 'k', 'Filters of the 1×1 in the double-3×3 branch (absolute: not scaled by width).', 192),
    intParam('l', 'l', 'Filters of the first 3×3 in the double-3×3 branch (absolute).', 224),
    intParam('m', 'm', 'Filters of the stride-2 3×3 in the double-3×3 branch (absolute).', 256),
    intParam('n', 'n', 'Filters of the single stride-2 3×3 branch (absolute).', 384),
  ],
  inputs: oneInput,
  body: branches(
    'concat',
    [convDown('conv1', { param: 'n' })],
    [conv('conv1', { param: 'k' }, [1, 1]), conv('conv2', { param: 'l' }, [3, 3]), convDown('conv3', { param: 'm' })],
    [maxPoolDown()],
  ),
};

export const reductionBV4: BlockTemplate = {
  type: 'reductionBV4',
  label: 'Reduction-B (Inception-v4)',
  category: 'Reduction blocks',
  description: '17×17×1024 → 8×8×1536.',
  source: 'arXiv 1602.07261 Fig 8 (TF-slim Mixed_7a)',
  params,
  inputs: oneInput,
  body: branches(
    'concat',
    [conv('conv1', 192, [1, 1]), convDown('conv2', 192)],
    [conv('conv1', 256, [1, 1]), conv('conv2', 256, [1, 7]), conv('conv3', 320, [7, 1]), convDown('conv4', 320)],
    [maxPoolDown()],
  ),
};

/** The four-branch Inception-ResNet reduction: widths of the single, single and double 3×3 branches. */
function resnetReductionB(single0: number, single1: number, double: readonly [number, number]): TemplateStep {
  return branches(
    'concat',
    [conv('conv1', 256, [1, 1]), convDown('conv2', single0)],
    [conv('conv1', 256, [1, 1]), convDown('conv2', single1)],
    [conv('conv1', 256, [1, 1]), conv('conv2', double[0], [3, 3]), convDown('conv3', double[1])],
    [maxPoolDown()],
  );
}

export const reductionBResnetV1: BlockTemplate = {
  type: 'reductionBResnetV1',
  label: 'Reduction-B (IR-v1)',
  category: 'Reduction blocks',
  description: '17×17 → 8×8; output = input + 384 + 256 + 256 (896 → 1792).',
  source: 'arXiv 1602.07261 Fig 12 (facenet Mixed_7a)',
  params,
  inputs: oneInput,
  body: resnetReductionB(384, 256, [256, 256]),
};

export const reductionBResnetV2: BlockTemplate = {
  type: 'reductionBResnetV2',
  label: 'Reduction-B (IR-v2)',
  category: 'Reduction blocks',
  description: '17×17 → 8×8; output = input + 384 + 288 + 320 (1152 → 2144; TF-slim 1088 → 2080).',
  source: 'arXiv 1602.07261 Fig 18, whose caption wrongly says IR-v1 (D12); TF-slim Mixed_7a',
  params,
  inputs: oneInput,
  body: resnetReductionB(384, 288, [288, 320]),
};

export const reductionTemplates: readonly BlockTemplate[] = [reductionA, reductionBV4, reductionBResnetV1, reductionBResnetV2];
