/** What an export writes: one file (`.onnx`), or a folder of named files (PyTorch, portable TF.js). */

export type ExportOutput = { writes: 'file'; bytes: Uint8Array } | { writes: 'folder'; files: ReadonlyMap<string, Uint8Array> };

/** Bytes in all, for the report. */
export function exportBytes(output: ExportOutput): number {
  return output.writes === 'file' ? output.bytes.length : [...output.files.values()].reduce((n, bytes) => n + bytes.length, 0);
}
