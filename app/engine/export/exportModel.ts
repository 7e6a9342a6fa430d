/**
 * A design, preset or model directory in another framework's format: the export graph is read
 * once (`readExportGraph`), then handed to the format's writer.
 */

import type { ExportGraph } from '../../export/exportGraph';
import type { ExportOutput } from '../../export/exportOutput';
import { exportOnnx } from '../../export/onnx/exportOnnx';
import { exportPytorch } from '../../export/pytorch/exportPytorch';
import type { ModelExportFormat } from '../../protocol';
import type { ProgressCallback } from '../../training/progress';
import type { ModelSource } from '../modelSource';
import { exportPortableTfjs } from './portableTfjs';
import { exportGraphOf } from './readExportGraph';

const writers: Record<ModelExportFormat, (graph: ExportGraph, appVersion: string) => Promise<ExportOutput>> = {
  onnx: async (graph, version) => ({ writes: 'file', bytes: exportOnnx(graph, version) }),
  pytorch: async (graph, version) => ({ writes: 'folder', files: exportPytorch(graph, version) }),
  tfjs: async (graph, version) => ({ writes: 'folder', files: await exportPortableTfjs(graph, version) }),
};

export interface ExportOptions {
  appVersion: string;
  /** The model's layers read, then one step more when the format is written. */
  onProgress?: ProgressCallback;
}

export async function exportModel(source: ModelSource, format: ModelExportFormat, options: ExportOptions): Promise<ExportOutput> {
  let steps = 1;
  const graph = await exportGraphOf(source, (done, total) => {
    steps = total;
    options.onProgress?.(done, total);
  });
  const output = await writers[format](graph, options.appVersion);
  options.onProgress?.(steps, steps);
  return output;
}
