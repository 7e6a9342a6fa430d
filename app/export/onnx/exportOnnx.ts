/**
 * An export graph as one `.onnx` file: opset 13, float32, the weights inside, the metadata as
 * `metadata_props` — with the design document itself, which an import checks the weights against.
 */

import { exportMetadata } from '../exportMetadata';
import type { ExportGraph } from '../exportGraph';
import { onnxGraph } from './onnxGraph';
import { encodeOnnxModel } from './onnxModel';

/** The `metadata_props` key holding the design document (`.incept.json` text). */
export const ONNX_DESIGN_DOCUMENT = 'design_document';

export function exportOnnx(graph: ExportGraph, appVersion: string): Uint8Array {
  const { nodes, initializers, inputs, outputs } = onnxGraph(graph);
  const metadata = exportMetadata(graph, 'NCHW');
  return encodeOnnxModel({
    graphName: graph.name,
    producerVersion: appVersion,
    docString: `${graph.name}, exported by Inception Studio. ${metadata.preprocessing_summary}`,
    nodes,
    initializers,
    inputs,
    outputs,
    metadata: { ...metadata, [ONNX_DESIGN_DOCUMENT]: graph.designText },
  });
}
