/**
 * Expands a block template into primitive layers. Pure and deterministic: layer ids are the
 * node id followed by the names along the template path (`b3/branch2/conv1`), so weights keep
 * their names as long as the node id and the template do.
 */

import type { ResolvedParams } from '../design/paramSpec';
import type { ActivationFn, Layer } from '../layers/types';
import type { BlockTemplate, ConvStep, Scalar, TemplateStep, Width } from './types';

export interface ExpandedBlock {
  layers: Layer[];
  /** Id of the layer whose output is the block's output. */
  output: string;
}

/** `max(1, round(w · width))` for literal widths; named params are absolute. */
export function resolveWidth(width: Width, params: ResolvedParams): number {
  if (typeof width === 'number') return Math.max(1, Math.round(width * numberParam(params, 'width', 1)));
  return numberParam(params, width.param);
}

function numberParam(params: ResolvedParams, name: string, fallback?: number): number {
  const value = params[name] ?? fallback;
  if (typeof value !== 'number') throw new Error(`block parameter '${name}' must be a number, got ${JSON.stringify(value)}`);
  return value;
}

function scalar<T>(value: Scalar<T>, params: ResolvedParams): T | ResolvedParams[string] {
  return typeof value === 'object' && value !== null && 'param' in value ? params[value.param] : value;
}

export function expandBlock(template: BlockTemplate, nodeId: string, params: ResolvedParams, inputId: string): ExpandedBlock {
  const layers: Layer[] = [];
  const bnGamma = params.bnGamma === true;

  function convLayer(step: ConvStep, id: string, input: string): Layer {
    const stride = step.stride ?? 1;
    return {
      id,
      nodeId,
      inputs: [input],
      kind: 'conv2d',
      params: {
        filters: resolveWidth(step.filters, params),
        kernel: [step.kernel[0], step.kernel[1]],
        strides: [stride, stride],
        padding: step.padding ?? 'same',
        activation: step.linear ? 'linear' : 'relu',
        batchNorm: !step.linear,
        bnGamma: step.linear ? false : bnGamma,
        bias: step.linear === true,
      },
    };
  }

  function expand(step: TemplateStep, prefix: string, input: string): string {
    switch (step.op) {
      case 'conv':
        layers.push(convLayer(step, `${prefix}/${step.name}`, input));
        return `${prefix}/${step.name}`;
      case 'maxPool':
      case 'avgPool': {
        const id = `${prefix}/${step.name}`;
        const pool = {
          pool: [step.size, step.size] as const,
          strides: [step.stride, step.stride] as const,
          padding: step.padding,
        };
        layers.push({ id, nodeId, inputs: [input], kind: step.op, params: pool });
        return id;
      }
      case 'sequence': {
        const inner = step.name === undefined ? prefix : `${prefix}/${step.name}`;
        return step.steps.reduce((current, child) => expand(child, inner, current), input);
      }
      case 'concat': {
        const outputs = step.branches.map((branch) => expand(branch, prefix, input));
        const id = `${prefix}/${step.name}`;
        layers.push({ id, nodeId, inputs: outputs, kind: 'concat', params: {} });
        return id;
      }
      case 'residual': {
        const residual = expand(step.body, prefix, input);
        const id = `${prefix}/${step.name}`;
        const scale = scalar(step.scale, params);
        const activation = scalar(step.activation, params);
        if (typeof scale !== 'number') throw new Error(`block '${template.type}': residual scale must be a number`);
        if (typeof activation !== 'string') throw new Error(`block '${template.type}': residual activation must be a name`);
        layers.push({
          id,
          nodeId,
          inputs: [input, residual],
          kind: 'residualAdd',
          params: { scale, activation: activation as ActivationFn },
        });
        return id;
      }
    }
  }

  const output = expand(template.body, nodeId, inputId);
  return { layers, output };
}
