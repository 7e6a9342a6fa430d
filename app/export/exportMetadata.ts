/**
 * What every exported file records besides the network: how an image becomes input and the
 * class names in output order, as string pairs (ONNX `metadata_props`, TF.js `userDefinedMetadata`).
 */

import type { ExportGraph } from './exportGraph';

export interface ExportMetadata {
  /** `inception-studio/export`. */
  format: string;
  design: string;
  /** JSON of `InputPreparation` (app/training/preprocessing.ts), with the NCHW layout of the export where it applies. */
  preprocessing: string;
  /** JSON array of the class names in output order. */
  classes: string;
  /** The same in words, for a person reading the model's properties (Netron, `onnx.load`). */
  preprocessing_summary: string;
}

export const EXPORT_METADATA_FORMAT = 'inception-studio/export';

export function exportMetadata(graph: ExportGraph, layout: 'NCHW' | 'NHWC'): ExportMetadata {
  const p = graph.preprocessing;
  const [low, high] = p.valueRange;
  return {
    format: EXPORT_METADATA_FORMAT,
    design: graph.name,
    preprocessing: JSON.stringify({ ...p, layout }),
    classes: JSON.stringify(graph.classNames),
    preprocessing_summary:
      `${p.colour.toUpperCase()} ${p.height}×${p.width}, ${layout}: central crop of ${p.centralCropFraction * 100}% of each side, ` +
      `${p.resize.method} resize (half-pixel centres), pixel values 0…255 mapped to [${low}, ${high}] (pixel × ${p.scale} + ${p.offset}).`,
  };
}
