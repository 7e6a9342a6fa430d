/**
 * An export graph as ONNX nodes, NCHW: input `input` [batch, C, H, W], output `logits` (and
 * `probabilities` after a final softmax). TensorFlow's semantics are kept exactly: `same`
 * padding as explicit (asymmetric) pads, average pools that exclude the padding, batch norm
 * with ε 0.001 (γ = 1 where the design learns none), `act(shortcut + scale · residual)`, and a
 * flatten of a feature map in TF's [h, w, c] order.
 */

import type { ActivationFn, Layer, LayerParamsByKind, Shape } from '../../layers/types';
import { unhandled } from '../../unhandled';
import { BATCH_NORM_EPSILON, weightOf, type ExportGraph, type ExportLayer } from '../exportGraph';
import { channelsFirstKernel } from '../tensorLayout';
import { gridPads } from '../tfPadding';
import type { OnnxInitializer, OnnxNode, OnnxValue } from './onnxModel';

export const ONNX_INPUT = 'input';
export const ONNX_LOGITS = 'logits';
export const ONNX_PROBABILITIES = 'probabilities';
const BATCH = 'batch';

export interface OnnxGraph {
  nodes: OnnxNode[];
  initializers: OnnxInitializer[];
  inputs: OnnxValue[];
  outputs: OnnxValue[];
}

const ACTIVATION_OP: Record<Exclude<ActivationFn, 'linear'>, string> = { relu: 'Relu', sigmoid: 'Sigmoid', tanh: 'Tanh', softmax: 'Softmax' };

/** Builds the ONNX graph in one pass over the layers; each layer's last node writes the tensor named by `tensorOf`. */
class OnnxGraphBuilder {
  readonly nodes: OnnxNode[] = [];
  readonly initializers: OnnxInitializer[] = [];
  private readonly tensors = new Map<string, string>();

  constructor(private readonly graph: ExportGraph) {}

  /** The tensor a layer's output is in; the graph's ends carry the names a user sees. */
  private outputName(id: string): string {
    if (id === this.graph.head.logits) return ONNX_LOGITS;
    if (id === this.graph.head.softmax) return ONNX_PROBABILITIES;
    // Layer ids hold no '.', so neither sub-tensors (`id.conv`) nor the names above can collide.
    return `${id}.out`;
  }

  private inputsOf(layer: Layer): string[] {
    return layer.inputs.map((id) => {
      const tensor = this.tensors.get(id);
      if (tensor === undefined) throw new Error(`Layer '${layer.id}' reads '${id}', which comes later or not at all.`);
      return tensor;
    });
  }

  private constant(name: string, dims: readonly number[], values: Float32Array, weight?: string): string {
    this.initializers.push({ name, dims, values, ...(weight === undefined ? {} : { weight }) });
    return name;
  }

  private op(opType: string, name: string, inputs: readonly string[], output: string, attributes?: OnnxNode['attributes']): string {
    this.nodes.push({ opType, name, inputs, outputs: [output], ...(attributes ? { attributes } : {}) });
    return output;
  }

  /** `fn` of `input` into `output`; an Identity for linear, so the layer's tensor still exists. */
  private activation(fn: ActivationFn, id: string, input: string, output: string): string {
    if (fn === 'linear') return this.op('Identity', `${id}.identity`, [input], output);
    // TF's softmax runs over the last axis, the channels: axis 1 in NCHW as in [batch, n].
    return this.op(ACTIVATION_OP[fn], `${id}.${fn}`, [input], output, fn === 'softmax' ? { axis: { int: 1 } } : undefined);
  }

  private spatial(shape: Shape): [number, number] {
    return [shape[0], shape[1]];
  }

  add({ layer, inputShapes }: ExportLayer): void {
    const out = this.outputName(layer.id);
    this.tensors.set(layer.id, layer.kind === 'input' ? ONNX_INPUT : out);
    if (layer.kind === 'input') return;
    const inputs = this.inputsOf(layer);
    const id = layer.id;
    switch (layer.kind) {
      case 'conv2d':
        return this.conv(id, layer.params, inputs[0], this.spatial(inputShapes[0]), out);
      case 'maxPool':
      case 'avgPool': {
        const p = layer.params;
        const [top, bottom, left, right] = gridPads(this.spatial(inputShapes[0]), p.pool, p.strides, p.padding);
        const attributes = { kernel_shape: { ints: p.pool }, strides: { ints: p.strides }, pads: { ints: [top, left, bottom, right] } };
        this.op(layer.kind === 'maxPool' ? 'MaxPool' : 'AveragePool', id, inputs, out, layer.kind === 'avgPool' ? { ...attributes, count_include_pad: { int: 0 } } : attributes);
        return;
      }
      case 'concat':
        // Channels: axis 1 in NCHW as in [batch, n].
        this.op('Concat', id, inputs, out, { axis: { int: 1 } });
        return;
      case 'residualAdd': {
        const scale = this.constant(`${id}.scale`, [], Float32Array.of(layer.params.scale));
        const scaled = this.op('Mul', `${id}.mul`, [inputs[1], scale], `${id}.scaled`);
        const sum = this.op('Add', `${id}.add`, [inputs[0], scaled], `${id}.sum`);
        this.activation(layer.params.activation, id, sum, out);
        return;
      }
      case 'activation':
      case 'softmax':
        this.activation(layer.kind === 'softmax' ? 'softmax' : layer.params.fn, id, inputs[0], out);
        return;
      case 'dropout':
        this.op('Identity', id, inputs, out);
        return;
      case 'globalAvgPool': {
        const pooled = this.op('GlobalAveragePool', `${id}.pool`, inputs, `${id}.pooled`);
        this.op('Flatten', id, [pooled], out, { axis: { int: 1 } });
        return;
      }
      case 'flatten': {
        // TF flattens [h, w, c]; NCHW must be put back in that order first.
        const source = inputShapes[0].length === 3 ? this.op('Transpose', `${id}.nhwc`, inputs, `${id}.nhwc`, { perm: { ints: [0, 2, 3, 1] } }) : inputs[0];
        this.op('Flatten', id, [source], out, { axis: { int: 1 } });
        return;
      }
      case 'dense':
        return this.dense(id, layer.params, inputs[0], out);
      default:
        return unhandled(layer);
    }
  }

  private conv(id: string, p: LayerParamsByKind['conv2d'], input: string, grid: [number, number], out: string): void {
    const kernel = channelsFirstKernel(weightOf(this.graph, id, 'kernel'));
    const [top, bottom, left, right] = gridPads(grid, p.kernel, p.strides, p.padding);
    const inputs = [input, this.constant(`${id}.weight`, kernel.shape, kernel.values, `${id}/kernel`)];
    if (p.bias) inputs.push(this.constant(`${id}.bias`, [p.filters], weightOf(this.graph, id, 'bias').values, `${id}/bias`));
    let x = this.op('Conv', `${id}.conv`, inputs, `${id}.conv`, { kernel_shape: { ints: p.kernel }, strides: { ints: p.strides }, pads: { ints: [top, left, bottom, right] } });
    if (p.batchNorm) {
      const channel = (weight: string, fallback: number): string => {
        const learned = this.graph.weights.get(`${id}/bn/${weight}`);
        return learned
          ? this.constant(`${id}.bn.${weight}`, [p.filters], learned.values, `${id}/bn/${weight}`)
          : this.constant(`${id}.bn.${weight}`, [p.filters], new Float32Array(p.filters).fill(fallback));
      };
      const variance = weightOf(this.graph, id, 'bn/moving_variance').values;
      const bnInputs = [channel('gamma', 1), channel('beta', 0), channel('moving_mean', 0), this.constant(`${id}.bn.moving_variance`, [p.filters], variance, `${id}/bn/moving_variance`)];
      x = this.op('BatchNormalization', `${id}.bn`, [x, ...bnInputs], `${id}.bn`, { epsilon: { float: BATCH_NORM_EPSILON } });
    }
    this.activation(p.activation, id, x, out);
  }

  private dense(id: string, p: LayerParamsByKind['dense'], input: string, out: string): void {
    const kernel = weightOf(this.graph, id, 'kernel');
    const weight = this.constant(`${id}.weight`, kernel.shape, kernel.values, `${id}/kernel`);
    const x = p.bias
      ? this.op('Gemm', `${id}.gemm`, [input, weight, this.constant(`${id}.bias`, [p.units], weightOf(this.graph, id, 'bias').values, `${id}/bias`)], `${id}.gemm`)
      : this.op('MatMul', `${id}.matmul`, [input, weight], `${id}.matmul`);
    this.activation(p.activation, id, x, out);
  }
}

/** An NHWC shape `[h, w, c]` or `[n]` as NCHW dims with a symbolic batch. */
function nchwDims(shape: Shape): (number | string)[] {
  return shape.length === 3 ? [BATCH, shape[2], shape[0], shape[1]] : [BATCH, ...shape];
}

export function onnxGraph(graph: ExportGraph): OnnxGraph {
  const builder = new OnnxGraphBuilder(graph);
  for (const layer of graph.layers) builder.add(layer);
  const shapeOf = (id: string): Shape => {
    const found = graph.layers.find((entry) => entry.layer.id === id);
    if (!found) throw new Error(`The export has no layer '${id}'.`);
    return found.output;
  };
  const outputs: OnnxValue[] = [{ name: ONNX_LOGITS, dims: nchwDims(shapeOf(graph.head.logits)) }];
  if (graph.head.softmax !== null) outputs.push({ name: ONNX_PROBABILITIES, dims: nchwDims(shapeOf(graph.head.softmax)) });
  return { nodes: builder.nodes, initializers: builder.initializers, inputs: [{ name: ONNX_INPUT, dims: nchwDims(graph.input) }], outputs };
}
