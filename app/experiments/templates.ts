/**
 * The paper's comparisons as ready experiments. Each is an ordinary spec (checked by the same
 * validator as a file), small enough to train on a CPU: 75×75 inputs (the presets' smallest),
 * quarter width, one block per stage. At that size Inception-v4 and Inception-ResNet-v2 cost
 * about the same (13.7 M against 13.0 M multiply-adds), as the paper's pair does at full size.
 */

import { defaultTrainConfig } from '../training/defaults';
import { EXPERIMENT_FORMAT, EXPERIMENT_VERSION, type ExperimentSpec } from './types';

const SMALL = { input: 75, width: 0.25, repeats: [1, 1, 1] } as const;

const residualVsPlain: ExperimentSpec = {
  format: EXPERIMENT_FORMAT,
  version: EXPERIMENT_VERSION,
  name: 'Residual vs plain',
  description:
    'Do residual connections speed up training? The paper trains Inception-v4 and Inception-ResNet-v2, two networks of similar cost, ' +
    'with the same recipe and finds that the residual one reaches a given accuracy in fewer epochs, though it ends up only slightly ahead. ' +
    'Here both are built small (75×75 inputs, quarter width, one block per stage; about 13 M multiply-adds each) and trained on the same data ' +
    'with the same settings, three seeds each, so the difference can be told from the spread between seeds.',
  // The AAAI text's captions were checked; the arXiv numbers of these training-curve figures were not, so none is claimed.
  figure:
    'Figure 9 of the AAAI version (top-1 error during training, Inception-v4 against Inception-ResNet-v2); in the arXiv version, ' +
    'the training-curve comparisons that follow Figure 20 (top-1 and top-5 error, the same pair)',
  fixed: { epochs: 10, options: SMALL },
  variants: [
    { name: 'Inception-v4 (plain)', design: 'preset:inception-v4' },
    { name: 'Inception-ResNet-v2 (residual)', design: 'preset:inception-resnet-v2' },
  ],
  seeds: [1, 2, 3],
  targetAccuracy: 0.5,
};

const residualScaling: ExperimentSpec = {
  format: EXPERIMENT_FORMAT,
  version: EXPERIMENT_VERSION,
  name: 'Residual scaling',
  description:
    'Does scaling down the residuals keep a residual network training? The paper found that without scaling, wide Inception-ResNet ' +
    'variants "died" early in training at its learning rate, and that multiplying each residual by 0.1 to 0.3 before the addition ' +
    'stabilised them (Section 3.3). Here a small Inception-ResNet-v2 is trained at the paper\'s rate (RMSProp, 0.045) with every ' +
    "block's residual scaled by 1.0, 0.3 and 0.1. A small network may not die at all; the curves show whether scaling still changes " +
    'how fast and how smoothly it learns.',
  figure: 'Figure 20 of the arXiv version, Figure 7 of the AAAI version (the scaled Inception-ResNet module), and Section 3.3',
  fixed: { epochs: 10, options: SMALL, training: { optimizer: 'rmsprop', learningRate: defaultTrainConfig.learningRate } },
  variants: [
    { name: 'Scale 1.0', design: 'preset:inception-resnet-v2', options: { scales: [1, 1, 1] } },
    { name: 'Scale 0.3', design: 'preset:inception-resnet-v2', options: { scales: [0.3, 0.3, 0.3] } },
    { name: 'Scale 0.1', design: 'preset:inception-resnet-v2', options: { scales: [0.1, 0.1, 0.1] } },
  ],
  seeds: [1, 2, 3],
  targetAccuracy: 0.5,
};

/** By the name `template:NAME` takes. */
export const EXPERIMENT_TEMPLATES = {
  'residual-vs-plain': residualVsPlain,
  'residual-scaling': residualScaling,
} as const satisfies Record<string, ExperimentSpec>;

export type ExperimentTemplateName = keyof typeof EXPERIMENT_TEMPLATES;

export const TEMPLATE_PREFIX = 'template:';

export function isTemplateName(name: string): name is ExperimentTemplateName {
  return Object.hasOwn(EXPERIMENT_TEMPLATES, name);
}
