/**
 * One layer of the export graph as PyTorch: the module `model.py` constructs for it (with its
 * state-dict entries in PyTorch's layout), or, for the merges, the expression that joins its
 * inputs. model.py's classes and weights.npz are both made from these, so they agree by construction.
 */

import { weightOf, type ExportGraph, type ExportLayer, type ExportTensor } from '../exportGraph';
import { channelsFirstKernel, transposedMatrix } from '../tensorLayout';
import { unhandled } from '../../unhandled';
import { pyBool, pyFloat, pyString, pyTuple } from './pythonNames';

export type TorchLayer =
  | { kind: 'module'; constructor: string; weights: readonly (readonly [string, ExportTensor])[] }
  | { kind: 'merge'; expression: (inputs: readonly string[]) => string }
  | { kind: 'input' };

function module(constructor: string, weights: readonly (readonly [string, ExportTensor])[] = []): TorchLayer {
  return { kind: 'module', constructor, weights };
}

export function torchLayer(graph: ExportGraph, { layer, inputShapes }: ExportLayer): TorchLayer {
  const id = layer.id;
  switch (layer.kind) {
    case 'input':
      return { kind: 'input' };
    case 'conv2d': {
      const p = layer.params;
      const weights: [string, ExportTensor][] = [['conv.weight', channelsFirstKernel(weightOf(graph, id, 'kernel'))]];
      if (p.bias) weights.push(['conv.bias', weightOf(graph, id, 'bias')]);
      if (p.batchNorm) {
        if (p.bnGamma) weights.push(['bn.gamma', weightOf(graph, id, 'bn/gamma')]);
        weights.push(['bn.beta', weightOf(graph, id, 'bn/beta')], ['bn.running_mean', weightOf(graph, id, 'bn/moving_mean')], ['bn.running_var', weightOf(graph, id, 'bn/moving_variance')]);
      }
      const args = [
        inputShapes[0][2],
        p.filters,
        pyTuple(p.kernel),
        `stride=${pyTuple(p.strides)}`,
        `padding=${pyString(p.padding)}`,
        `activation=${pyString(p.activation)}`,
        `batch_norm=${pyBool(p.batchNorm)}`,
        `bn_gamma=${pyBool(p.bnGamma)}`,
        `bias=${pyBool(p.bias)}`,
      ];
      return module(`ConvBN(${args.join(', ')})`, weights);
    }
    case 'maxPool':
    case 'avgPool': {
      const p = layer.params;
      return module(`${layer.kind === 'maxPool' ? 'MaxPool' : 'AvgPool'}(${pyTuple(p.pool)}, ${pyTuple(p.strides)}, ${pyString(p.padding)})`);
    }
    case 'concat':
      return { kind: 'merge', expression: (inputs) => `torch.cat([${inputs.join(', ')}], dim=1)` };
    case 'residualAdd': {
      const { scale, activation } = layer.params;
      return { kind: 'merge', expression: ([shortcut, residual]) => `activate(${shortcut} + ${pyFloat(scale)} * ${residual}, ${pyString(activation)})` };
    }
    case 'activation':
      return module(`Activation(${pyString(layer.params.fn)})`);
    case 'softmax':
      return module(`Activation("softmax")`);
    case 'dropout':
      return module(`nn.Dropout(${pyFloat(layer.params.rate)})`);
    case 'globalAvgPool':
      return module('GlobalAvgPool()');
    case 'flatten':
      return module('Flatten()');
    case 'dense': {
      const p = layer.params;
      const weights: [string, ExportTensor][] = [['linear.weight', transposedMatrix(weightOf(graph, id, 'kernel'))]];
      if (p.bias) weights.push(['linear.bias', weightOf(graph, id, 'bias')]);
      return module(`Dense(${inputShapes[0][0]}, ${p.units}, activation=${pyString(p.activation)}, bias=${pyBool(p.bias)})`, weights);
    }
    default:
      return unhandled(layer);
  }
}
