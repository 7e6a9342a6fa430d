/**
 * One layer of the export graph as PyTorch: the module `model.py` constructs for it (with its
 * state-dict entries in PyTorch's layout), or, for the merges, the expression that joins its
 * inputs. model.py's classes and weights.npz are both made from these, so they agree by construction.
 */

import { weightOf, type ExportGraph, type ExportLayer, type ExportTensor } from '../exportGraph';
import { channelsFirstKernel, channelsLastKernel, transposedMatrix } from '../tensorLayout';
import { unhandled } from '../../unhandled';
import { pyBool, pyFloat, pyString, pyTuple } from './pythonNames';

/** A state-dict entry: its key below the module, the Studio weight it holds (layer and weight name) and how its layout differs. */
export interface TorchWeight {
  key: string;
  layerId: string;
  weight: string;
  layout: 'conv-kernel' | 'dense-kernel' | 'vector';
}

export type TorchLayer =
  | { kind: 'module'; constructor: string; weights: readonly TorchWeight[] }
  | { kind: 'merge'; expression: (inputs: readonly string[]) => string }
  | { kind: 'input' };

function module(constructor: string, weights: readonly TorchWeight[] = []): TorchLayer {
  return { kind: 'module', constructor, weights };
}

/** The entry's tensor in PyTorch's layout. */
export function torchTensor(graph: ExportGraph, { layerId, weight, layout }: TorchWeight): ExportTensor {
  const tensor = weightOf(graph, layerId, weight);
  return layout === 'conv-kernel' ? channelsFirstKernel(tensor) : layout === 'dense-kernel' ? transposedMatrix(tensor) : tensor;
}

/** A PyTorch tensor back in the Studio's (TensorFlow's) layout. */
export function studioTensor(layout: TorchWeight['layout'], tensor: ExportTensor): ExportTensor {
  return layout === 'conv-kernel' ? channelsLastKernel(tensor) : layout === 'dense-kernel' ? transposedMatrix(tensor) : tensor;
}

export function torchLayer({ layer, inputShapes }: ExportLayer): TorchLayer {
  const id = layer.id;
  switch (layer.kind) {
    case 'input':
      return { kind: 'input' };
    case 'conv2d': {
      const p = layer.params;
      const vector = (key: string, weight: string): TorchWeight => ({ key, layerId: id, weight, layout: 'vector' });
      const weights: TorchWeight[] = [{ key: 'conv.weight', layerId: id, weight: 'kernel', layout: 'conv-kernel' }];
      if (p.bias) weights.push(vector('conv.bias', 'bias'));
      if (p.batchNorm) {
        if (p.bnGamma) weights.push(vector('bn.gamma', 'bn/gamma'));
        weights.push(vector('bn.beta', 'bn/beta'), vector('bn.running_mean', 'bn/moving_mean'), vector('bn.running_var', 'bn/moving_variance'));
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
      const weights: TorchWeight[] = [{ key: 'linear.weight', layerId: id, weight: 'kernel', layout: 'dense-kernel' }];
      if (p.bias) weights.push({ key: 'linear.bias', layerId: id, weight: 'bias', layout: 'vector' });
      return module(`Dense(${inputShapes[0][0]}, ${p.units}, activation=${pyString(p.activation)}, bias=${pyBool(p.bias)})`, weights);
    }
    default:
      return unhandled(layer);
  }
}
