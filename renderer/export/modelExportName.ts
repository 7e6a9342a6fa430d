/**
 * What File › Export model… offers to export and under which name: the design, or a run's
 * checkpoint (`<runs>/<run id>/checkpoints/<best|last>`), named after the design's file, the run
 * and the checkpoint, with the format's own ending (`net.onnx`, `net-run-3-best-pytorch`).
 */

import type { ModelExportFormat } from '../../app/protocol';
import { baseName, parentOf } from '../documents/hostPaths';
import { fileSafe } from './exportName';

export interface CheckpointChoice {
  path: string;
  /** `run-3 — best`. */
  label: string;
}

/** A checkpoint folder's run id and which checkpoint it is, read from its path. */
export function checkpointChoice(path: string): CheckpointChoice {
  return { path, label: `${baseName(parentOf(parentOf(path)))} — ${baseName(path)}` };
}

export function modelExportName(designBase: string, checkpoint: string | null, format: ModelExportFormat): string {
  const stem = checkpoint === null ? designBase : `${designBase}-${fileSafe(checkpointChoice(checkpoint).label.replace(' — ', '-'))}`;
  return format === 'onnx' ? `${stem}.onnx` : `${stem}-${format}`;
}
