import { describe, expect, it } from 'vitest';
import { checkpointChoice, modelExportName } from './modelExportName';

describe('modelExportName', () => {
  it('names the design after its file, with the format’s ending', () => {
    expect(modelExportName('net', null, 'onnx')).toBe('net.onnx');
    expect(modelExportName('net', null, 'pytorch')).toBe('net-pytorch');
    expect(modelExportName('net', null, 'tfjs')).toBe('net-tfjs');
  });

  it('names a checkpoint after its run and which one it is', () => {
    expect(checkpointChoice('/home/me/runs/2026-12-02-run-3/checkpoints/best')).toEqual({ path: '/home/me/runs/2026-12-02-run-3/checkpoints/best', label: '2026-12-02-run-3 — best' });
    expect(modelExportName('net', 'C:\\runs\\r1\\checkpoints\\last', 'onnx')).toBe('net-r1-last.onnx');
    expect(modelExportName('net', '/runs/r 2/checkpoints/best', 'tfjs')).toBe('net-r-2-best-tfjs');
  });
});
