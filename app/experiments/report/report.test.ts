import { describe, expect, it } from 'vitest';
import { serializeDesign } from '../../design/document';
import { buildPreset } from '../../presets/index';
import { defaultTrainConfig } from '../../training/defaults';
import type { StepMetrics, TrainEvent } from '../../training/types';
import { expandExperiment } from '../expandExperiment';
import { EXPERIMENT_PLAN_FORMAT, type ExperimentPlan } from '../plan';
import { EXPERIMENT_FORMAT, type ExperimentSpec } from '../types';
import { curvesSvg } from './curvesSvg';
import { runsCsv, summaryCsv } from './reportCsv';
import { reportMarkdown } from './reportMarkdown';
import { retarget, runResult, type RunResult } from './runResult';
import { remainingTime } from './remainingTime';
import { seedStatistic } from './statistics';
import { summarizeVariants, variantCurves } from './variantSummary';

const spec: ExperimentSpec = {
  format: EXPERIMENT_FORMAT,
  version: 1,
  name: 'Plain, "or" residual',
  fixed: { epochs: 3, options: { input: 75, width: 0.1, repeats: [1, 1, 1] } },
  variants: [
    { name: 'Plain, v4', design: 'preset:inception-v4' },
    { name: 'Residual', design: 'preset:inception-resnet-v2' },
  ],
  seeds: [1, 2],
  targetAccuracy: 0.6,
};
const runs = expandExperiment(spec);
const plan: ExperimentPlan = { format: EXPERIMENT_PLAN_FORMAT, version: 1, spec, source: '/specs/spec.json', runs, designs: {} };

const metrics = (top1: number, loss: number): StepMetrics => ({ top1, loss, top5: 1 });
const epoch = (n: number, top1: number, seconds = 10): TrainEvent => ({ type: 'epoch', epoch: n, train: metrics(top1 - 0.1, 2 - top1), validation: metrics(top1, 1 - top1), lr: 0.045, seconds });
const design = (preset: string): string => serializeDesign(buildPreset(preset, { input: 75, width: 0.1, repeats: [1, 1, 1], classes: 2 }));

/** Accuracies by run: plain reaches 0.6 at epoch 2 (seed 1) and never (seed 2); residual at epoch 1 both times. */
const curves: Record<string, number[]> = { 'plain-v4-seed1': [0.5, 0.6, 0.7], 'residual-seed1': [0.6, 0.8, 0.9], 'plain-v4-seed2': [0.4, 0.5, 0.5], 'residual-seed2': [0.7, 0.8, 0.7] };

function results(): RunResult[] {
  return runs.map((run) => {
    const events: TrainEvent[] = [{ type: 'start', runId: run.id, runDir: '', backend: 'wasm', device: 'cpu', stepsPerEpoch: 2, totalSteps: 6, config: { ...defaultTrainConfig, seed: run.seed } }, ...curves[run.id].map((top1, i) => epoch(i + 1, top1))];
    const folder = { config: { ...defaultTrainConfig, epochs: 3, seed: run.seed }, design: design(run.design.slice('preset:'.length)) };
    return runResult(run, { id: run.id, state: 'completed' }, folder, events, 0.6);
  });
}

describe('experiment report', () => {
  it('reads a run: final and best validation metrics, time to the target, network size; a repeated epoch counts once', () => {
    const run = runs[0];
    const events = [epoch(1, 0.3, 5), epoch(2, 0.65, 7), epoch(2, 0.62, 8), epoch(3, 0.61, 6)];
    const result = runResult(run, { id: run.id, state: 'completed' }, { config: defaultTrainConfig, design: design('inception-v4') }, events, 0.6);
    expect(result.curve.map((point) => [point.epoch, point.seconds])).toEqual([[1, 5], [2, 13], [3, 19]]);
    expect(result.final).toEqual(metrics(0.61, 0.39));
    expect(result.bestTop1).toBe(0.62);
    expect(result.toTarget).toEqual({ epoch: 2, seconds: 13 });
    expect(result.params).toBe(139_090);
    expect(result.macs).toBeGreaterThan(2e6);
    expect(runResult(run, { id: run.id, state: 'queued' }, null, [], 0.6)).toMatchObject({ final: null, bestTop1: null, params: null, toTarget: null, curve: [] });
    expect(retarget([result], 0.3)[0].toTarget).toEqual({ epoch: 1, seconds: 5 });
    expect(retarget([result], 0.9)[0].toTarget).toBeNull();
  });

  it('summarises each variant over its seeds as mean ± sample sd, time to target over the runs that reached it', () => {
    expect(seedStatistic([0.7, 0.5])).toMatchObject({ min: 0.5, max: 0.7, n: 2 });
    expect(seedStatistic([0.7, 0.5])?.sd).toBeCloseTo(Math.sqrt(0.02), 12);
    expect(seedStatistic([0.25])).toEqual({ mean: 0.25, sd: 0, min: 0.25, max: 0.25, n: 1 });
    expect(seedStatistic([])).toBeNull();
    const [plain, residual] = summarizeVariants(results());
    expect(plain).toMatchObject({ variant: 'Plain, v4', runs: 2, completed: 2, reached: 1, epochsToTarget: { mean: 2, n: 1 }, secondsToTarget: { mean: 20 } });
    expect(plain.finalTop1?.mean).toBeCloseTo(0.6);
    expect(plain.finalTop1?.sd).toBeCloseTo(Math.sqrt(0.02));
    expect(residual).toMatchObject({ reached: 2, epochsToTarget: { mean: 1, sd: 0 } });
    expect(residual.bestTop1?.mean).toBeCloseTo(0.85);
    expect(plain.params).toBeGreaterThan(residual.params ?? Infinity);
    const [plainCurve] = variantCurves(results(), { name: 'top1', split: 'validation' });
    expect(plainCurve.points[2]).toEqual({ epoch: 3, mean: 0.6, min: 0.5, max: 0.7 });
    const stopped = results().map((r) => (r.run.id === 'plain-v4-seed2' ? { ...r, queued: { id: r.run.id, state: 'running' as const } } : r));
    expect(summarizeVariants(stopped)[0]).toMatchObject({ runs: 2, completed: 1, finalTop1: { mean: 0.7, n: 1 } });
  });

  it('writes CSV with quoted names, a Markdown report with the table and every run\'s settings, and SVG curves with a band', () => {
    const all = results();
    const summaries = summarizeVariants(all);
    const csv = runsCsv(all).split('\n');
    expect(csv[0]).toMatch(/^run,variant,seed,state,epochs,final_top1/);
    expect(csv[1]).toMatch(/^plain-v4-seed1,"Plain, v4",1,completed,3,0\.7,/);
    expect(csv).toHaveLength(6);
    expect(summaryCsv(summaries).split('\n')[2]).toMatch(/^Residual,2,2,\d+,\d+,0\.8,0\.1414\d+,0\.85\d*,/);

    const markdown = reportMarkdown({ plan, results: all, summaries, writtenAt: '2026-01-01T00:00:00.000Z' });
    expect(markdown).toContain('# Plain, "or" residual');
    expect(markdown).toMatch(/\| Plain, v4 \| 2\/2 \| 0\.14 M \| [\d.]+ M \| 60\.0% ± 14\.1 \| 60\.0% ± 14\.1 \| 0\.4000 ± 0\.1414 \|/);
    expect(markdown).toContain('| reached 60.0% |');
    expect(markdown).toContain('![Validation top-1 accuracy (mean, band: lowest to highest seed)](top1.svg)');
    for (const run of runs) expect(markdown).toContain(`- **${run.id}**: ${run.design} with options \`{"input":75,"width":0.1,"repeats":[1,1,1]}\`; settings \`{"optimizer":"rmsprop"`);
    expect(markdown).toMatch(/"seed":2,"validationSplit":0\.1,"augment":true}`/);

    const svg = curvesSvg({ title: 'Top-1 <validation>', yLabel: 'top-1 %', percent: true, curves: variantCurves(all, { name: 'top1', split: 'validation' }) });
    expect(svg.startsWith('<svg xmlns="http://www.w3.org/2000/svg"')).toBe(true);
    expect(svg).toContain('Top-1 &#60;validation&#62;');
    expect(svg.match(/<polygon /g)).toHaveLength(2);
    expect(svg.match(/<polyline /g)).toHaveLength(2);
    expect(svg).toContain('>Plain, v4</text>');
  });
});

describe('remaining time', () => {
  it('multiplies the epochs still to go by each variant\'s seconds per epoch so far', () => {
    const all = results().map((r, i) => (i < 2 ? r : { ...r, queued: { id: r.run.id, state: 'queued' as const }, curve: i === 2 ? r.curve.slice(0, 1) : [] }));
    // Plain: 10 s per epoch, seed 2 has 2 of 3 epochs to go; residual: 10 s per epoch, seed 2 all 3.
    expect(remainingTime(all, 3)).toEqual({ seconds: 50, runs: 2 });
    expect(remainingTime(all.map((r) => ({ ...r, curve: [] })), 3)).toBeNull();
    const markdown = reportMarkdown({ plan, results: all, summaries: summarizeVariants(all), writtenAt: '' });
    expect(markdown).toContain('**Unfinished:** 2 of 4 runs still to go, about 1 min at the speed so far; run the experiment again to continue it.');
    expect(reportMarkdown({ plan, results: results(), summaries: [], writtenAt: '' })).not.toContain('Unfinished');
  });
});
