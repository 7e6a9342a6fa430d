/**
 * Output channels of a block from its input channels, without shapes: presets use it to size
 * residual `channels` and the next block consistently when a width multiplier is applied.
 */

import type { ResolvedParams } from '../design/paramSpec';
import { resolveWidth } from './expand';
import type { BlockTemplate, TemplateStep } from './types';

function stepChannels(step: TemplateStep, params: ResolvedParams, input: number): number {
  switch (step.op) {
    case 'conv':
      return resolveWidth(step.filters, params);
    case 'maxPool':
    case 'avgPool':
      return input;
    case 'sequence':
      return step.steps.reduce((channels, child) => stepChannels(child, params, channels), input);
    case 'concat':
      return step.branches.reduce((sum, branch) => sum + stepChannels(branch, params, input), 0);
    case 'residual':
      return input;
  }
}

export function blockOutputChannels(template: BlockTemplate, params: ResolvedParams, inputChannels: number): number {
  return stepChannels(template.body, params, inputChannels);
}
