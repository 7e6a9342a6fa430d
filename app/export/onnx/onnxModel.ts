/**
 * The parts of ONNX's ModelProto an exported network uses (field numbers from onnx/onnx.proto),
 * as plain data and their encoding. Tensors are float32, stored little-endian in `raw_data`.
 */

import { ProtobufWriter } from './protobufWriter';

/** ONNX IR version 7 goes with opset 13. */
export const ONNX_IR_VERSION = 7;
export const ONNX_OPSET = 13;

const TENSOR_FLOAT = 1;
const ATTRIBUTE_FLOAT = 1;
const ATTRIBUTE_INT = 2;
const ATTRIBUTE_INTS = 7;

export type OnnxAttribute = { int: number } | { ints: readonly number[] } | { float: number };

export interface OnnxNode {
  opType: string;
  name: string;
  inputs: readonly string[];
  outputs: readonly string[];
  attributes?: Readonly<Record<string, OnnxAttribute>>;
}

export interface OnnxInitializer {
  name: string;
  dims: readonly number[];
  values: Float32Array;
  /** The Studio weight (`<layer id>/<weight>`) it holds, for an import; absent for a constant the design fixes (a residual scale, γ = 1). */
  weight?: string;
}

/** A graph input or output: float32, each dimension a size or a symbolic name (`batch`). */
export interface OnnxValue {
  name: string;
  dims: readonly (number | string)[];
}

export interface OnnxModel {
  graphName: string;
  producerVersion: string;
  docString: string;
  nodes: readonly OnnxNode[];
  initializers: readonly OnnxInitializer[];
  inputs: readonly OnnxValue[];
  outputs: readonly OnnxValue[];
  metadata: Readonly<Record<string, string>>;
}

function attribute(name: string, value: OnnxAttribute): ProtobufWriter {
  const proto = new ProtobufWriter().string(1, name);
  if ('int' in value) return proto.int(3, value.int).int(20, ATTRIBUTE_INT);
  if ('float' in value) return proto.float(2, value.float).int(20, ATTRIBUTE_FLOAT);
  for (const n of value.ints) proto.int(8, n);
  return proto.int(20, ATTRIBUTE_INTS);
}

function node(value: OnnxNode): ProtobufWriter {
  const proto = new ProtobufWriter();
  for (const input of value.inputs) proto.string(1, input);
  for (const output of value.outputs) proto.string(2, output);
  proto.string(3, value.name).string(4, value.opType);
  for (const [name, attr] of Object.entries(value.attributes ?? {})) proto.message(5, attribute(name, attr));
  return proto;
}

function initializer(value: OnnxInitializer): ProtobufWriter {
  const proto = new ProtobufWriter();
  for (const dim of value.dims) proto.int(1, dim);
  const { buffer, byteOffset, byteLength } = value.values;
  // raw_data is little-endian; so is every platform Node runs on.
  return proto.int(2, TENSOR_FLOAT).string(8, value.name).bytes(9, new Uint8Array(buffer, byteOffset, byteLength));
}

function valueInfo(value: OnnxValue): ProtobufWriter {
  const shape = new ProtobufWriter();
  for (const dim of value.dims) shape.message(1, typeof dim === 'number' ? new ProtobufWriter().int(1, dim) : new ProtobufWriter().string(2, dim));
  const tensorType = new ProtobufWriter().int(1, TENSOR_FLOAT).message(2, shape);
  return new ProtobufWriter().string(1, value.name).message(2, new ProtobufWriter().message(1, tensorType));
}

/** The `.onnx` file's bytes. */
export function encodeOnnxModel(model: OnnxModel): Uint8Array {
  const graph = new ProtobufWriter();
  for (const n of model.nodes) graph.message(1, node(n));
  graph.string(2, model.graphName);
  for (const init of model.initializers) graph.message(5, initializer(init));
  for (const input of model.inputs) graph.message(11, valueInfo(input));
  for (const output of model.outputs) graph.message(12, valueInfo(output));

  const proto = new ProtobufWriter().int(1, ONNX_IR_VERSION).string(2, 'Inception Studio').string(3, model.producerVersion).string(6, model.docString).message(7, graph);
  proto.message(8, new ProtobufWriter().string(1, '').int(2, ONNX_OPSET));
  for (const [key, value] of Object.entries(model.metadata)) proto.message(14, new ProtobufWriter().string(1, key).string(2, value));
  return proto.finish();
}
