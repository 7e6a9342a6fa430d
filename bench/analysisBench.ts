/**
 * `npm run bench -- analysis [preset…] [--runs N]`: median time of the full analysis
 * (expansion, shapes, costs, diagnostics) per preset. The target is well under 10 ms for the
 * TF-slim Inception-ResNet-v2, since the renderer re-runs it on every edit.
 */

import { analyze } from '../app/analysis/analyze';
import { buildPreset, presets } from '../app/presets/index';
import { median } from './median';

const WARMUP_RUNS = 20;

function parseArgs(args: readonly string[]): { names: string[]; runs: number } {
  const names: string[] = [];
  let runs = 200;
  for (let i = 0; i < args.length; i++) {
    if (args[i] === '--runs') {
      runs = Number(args[++i]);
      if (!Number.isSafeInteger(runs) || runs < 1) throw new Error(`--runs needs a positive integer, got ${args[i]}`);
    } else {
      names.push(args[i]);
    }
  }
  return { names: names.length > 0 ? names : presets.map((preset) => preset.name), runs };
}

export async function run(args: readonly string[]): Promise<void> {
  const { names, runs } = parseArgs(args);
  console.log(`analysis: median of ${runs} runs after ${WARMUP_RUNS} warm-up runs (Node ${process.version})`);
  for (const name of names) {
    const doc = buildPreset(name);
    for (let i = 0; i < WARMUP_RUNS; i++) analyze(doc);
    const times: number[] = [];
    let layers = 0;
    for (let i = 0; i < runs; i++) {
      const start = performance.now();
      layers = analyze(doc).graph.layers.length;
      times.push(performance.now() - start);
    }
    const p90 = [...times].sort((a, b) => a - b)[Math.floor(times.length * 0.9)];
    console.log(`${name.padEnd(32)} ${String(doc.nodes.length).padStart(4)} nodes ${String(layers).padStart(4)} layers  median ${median(times).toFixed(3)} ms  p90 ${p90.toFixed(3)} ms`);
  }
}
