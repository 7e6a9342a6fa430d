/**
 * The parts of an `.onnx` file an import reads back (the inverse of `encodeOnnxModel`): the
 * graph's initializers — name, dims, float32 data from `raw_data` or `float_data` — and the
 * model's `metadata_props`. Field numbers from onnx/onnx.proto; nodes are not read, the design
 * recorded in the metadata says what the network is.
 */

import type { Result } from '../../result';
import type { ExportTensor } from '../exportGraph';
import { byteFields, floats, littleEndianFloats, ProtobufError, readFields, stringField, varints } from './protobufReader';

const MODEL = { irVersion: 1, graph: 7, metadataProps: 14 } as const;
const GRAPH = { initializer: 5 } as const;
const TENSOR = { dims: 1, dataType: 2, floatData: 4, name: 8, rawData: 9 } as const;
const ENTRY = { key: 1, value: 2 } as const;
const TENSOR_FLOAT = 1;

export interface OnnxFileContents {
  /** Float32 initializers by name, dims as ONNX holds them. */
  initializers: ReadonlyMap<string, ExportTensor>;
  metadata: Readonly<Record<string, string>>;
}

function tensor(bytes: Uint8Array, index: number): [string, ExportTensor] {
  const fields = readFields(bytes);
  const name = stringField(fields, TENSOR.name) ?? `initializer ${index}`;
  const shape = varints(fields, TENSOR.dims);
  const dataType = varints(fields, TENSOR.dataType).at(-1);
  if (dataType !== TENSOR_FLOAT) throw new ProtobufError(`initializer '${name}' has data type ${dataType ?? 'none'}, not float32 (1)`);
  const raw = byteFields(fields, TENSOR.rawData).at(-1);
  const values = raw === undefined ? floats(fields, TENSOR.floatData) : littleEndianFloats(raw);
  const size = shape.reduce((a, b) => a * b, 1);
  if (values.length !== size) throw new ProtobufError(`initializer '${name}' holds ${values.length} values for dims [${shape.join(', ')}] (${size})`);
  return [name, { shape, values }];
}

/** The file's initializers and metadata, or what makes it no ONNX model. */
export function decodeOnnxModel(bytes: Uint8Array): Result<OnnxFileContents> {
  try {
    const model = readFields(bytes);
    if (varints(model, MODEL.irVersion).length === 0) return { ok: false, error: 'not an ONNX model: it has no IR version (field 1)' };
    const graph = byteFields(model, MODEL.graph).at(-1);
    if (graph === undefined) return { ok: false, error: 'not an ONNX model: it has no graph (field 7)' };
    const initializers = new Map(byteFields(readFields(graph), GRAPH.initializer).map(tensor));
    const metadata: Record<string, string> = {};
    for (const entry of byteFields(model, MODEL.metadataProps)) {
      const fields = readFields(entry);
      metadata[stringField(fields, ENTRY.key) ?? ''] = stringField(fields, ENTRY.value) ?? '';
    }
    return { ok: true, value: { initializers, metadata } };
  } catch (error) {
    if (error instanceof ProtobufError) return { ok: false, error: `not a readable ONNX model: ${error.message}` };
    throw error;
  }
}
