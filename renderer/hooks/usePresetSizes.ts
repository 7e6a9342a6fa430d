import { useEffect, useState } from 'react';
import { analyze } from '../../app/analysis/analyze';
import { buildPreset, presets } from '../../app/presets/index';
import { groupDiagnostics } from '../store/groupDiagnostics';

export interface PresetSize {
  params: number;
  macs: number;
  layers: number;
  /** Distinct error problems (a repeated one counts once). */
  errors: number;
}

const cache = new Map<string, PresetSize>();

function measure(name: string): PresetSize {
  const analysis = analyze(buildPreset(name));
  return {
    params: analysis.totals.total,
    macs: analysis.totals.macs,
    layers: analysis.graph.layers.length,
    errors: groupDiagnostics(analysis.diagnostics).filter((g) => g.first.severity === 'error').length,
  };
}

/** Parameter count, MACs and layer count of each preset, measured one per frame after first paint. */
export function usePresetSizes(): ReadonlyMap<string, PresetSize> {
  const [sizes, setSizes] = useState<ReadonlyMap<string, PresetSize>>(() => new Map(cache));
  useEffect(() => {
    const todo = presets.map((p) => p.name).filter((name) => !cache.has(name));
    let timer = 0;
    const next = () => {
      const name = todo.shift();
      if (name === undefined) return;
      cache.set(name, measure(name));
      setSizes(new Map(cache));
      timer = window.setTimeout(next, 0);
    };
    timer = window.setTimeout(next, 0);
    return () => window.clearTimeout(timer);
  }, []);
  return sizes;
}
