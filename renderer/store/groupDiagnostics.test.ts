import { describe, expect, it } from 'vitest';
import { analyze } from '../../app/analysis/analyze';
import { buildPreset } from '../../app/presets/index';
import { groupDiagnostics } from './groupDiagnostics';

describe('groupDiagnostics', () => {
  it('shows the paper-as-printed Inception-ResNet-v2 as its two problems, each with its blocks', () => {
    const groups = groupDiagnostics(analyze(buildPreset('inception-resnet-v2-as-printed')).diagnostics);
    expect(groups.map((g) => g.count)).toEqual([10, 5]);
    expect(groups[0].nodes).toEqual(['b1', 'b2', 'b3', 'b4', 'b5', 'b6', 'b7', 'b8', 'b9', 'b10']);
    expect(groups[1].first.message).toContain('2048');
  });

  it('keeps different problems apart', () => {
    const d = { severity: 'error', code: 'cycle', message: 'm', nodes: ['a'], hint: 'h' } as const;
    expect(groupDiagnostics([d, { ...d, hint: 'other' }, { ...d, nodes: ['b'] }]).map((g) => g.count)).toEqual([2, 1]);
  });
});
