import { describe, expect, it } from 'vitest';
import { expandExperiment } from './expandExperiment';
import { parseExperiment, validateExperiment } from './parseExperiment';
import { EXPERIMENT_TEMPLATES } from './templates';
import { EXPERIMENT_FORMAT } from './types';

const spec = {
  format: EXPERIMENT_FORMAT,
  version: 1,
  name: 'Width sweep',
  fixed: { epochs: 2, options: { input: 75, repeats: [1, 1, 1] }, training: { batchSize: 8 } },
  variants: [
    { name: 'Narrow', design: 'preset:inception-v4', options: { width: 0.1 } },
    { name: 'Wide, fast', design: 'preset:inception-v4', options: { width: 0.2 }, training: { learningRate: 0.01, optimizer: 'sgd' } },
  ],
  seeds: [1, 2],
};

describe('experiment spec', () => {
  it('expands into one run per variant and seed with stable ids and merged settings', () => {
    const parsed = validateExperiment(spec);
    if (!parsed.ok) throw new Error(parsed.error.message);
    const runs = expandExperiment(parsed.value);
    expect(runs.map((run) => run.id)).toEqual(['narrow-seed1', 'wide-fast-seed1', 'narrow-seed2', 'wide-fast-seed2']);
    expect(runs[3]).toMatchObject({
      variant: 'Wide, fast',
      design: 'preset:inception-v4',
      options: { input: 75, repeats: [1, 1, 1], width: 0.2 },
      config: { batchSize: 8, learningRate: 0.01, optimizer: 'sgd', epochs: 2, seed: 2 },
    });
    expect(runs[0].config).toEqual({ batchSize: 8, epochs: 2, seed: 1 });
  });

  it('names every bad field with its path, what it expected and what it found', () => {
    const bad = {
      ...spec,
      format: 'design',
      extra: 1,
      fixed: { epochs: 0, training: { epochs: 5, learningRate: -1, momentun: 0.9 } },
      variants: [
        { name: 'A', design: 'preset:inception-v4', options: { width: 9, scales: [0.1, 0.1, 0.1] } },
        { name: 'a', design: 'preset:nope' },
        { name: 'B', design: 'b.incept.json', options: { width: 0.5 } },
      ],
      seeds: [1, 1.5, 1],
      targetAccuracy: 50,
    };
    const parsed = validateExperiment(bad);
    expect(parsed.ok).toBe(false);
    if (parsed.ok) return;
    const byPath = Object.fromEntries(parsed.error.issues.map((issue) => [issue.path, `${issue.expected} / ${issue.found}`]));
    expect(byPath).toMatchObject({
      format: `"${EXPERIMENT_FORMAT}" / "design"`,
      extra: expect.stringMatching(/^no such field/),
      'fixed.epochs': 'an integer ≥ 1 / 0',
      'fixed.training.epochs': expect.stringMatching(/every run's epochs comes from fixed\.epochs/),
      'fixed.training.learningRate': 'a number > 0 / -1',
      'fixed.training.momentun': expect.stringMatching(/^no such setting \(known: optimizer, augment, batchSize/),
      'variants[0].options.width': expect.stringMatching(/^a multiplier in \(0, 8\].* \/ 9$/),
      'variants[1].design': expect.stringMatching(/^preset:NAME with NAME one of inception-v4/),
      'variants[1].name': expect.stringMatching(/unlike variants\[0\]'s .*'a'/),
      'variants[2].options': expect.stringMatching(/apply to presets/),
      'seeds[1]': 'an integer ≥ 0 / 1.5',
      'seeds[2]': 'a seed not given before / 1',
      targetAccuracy: expect.stringMatching(/fraction in \(0, 1\]/),
    });
    expect(parsed.error.message).toMatch(/^The experiment spec has 14 problems:\n {2}extra: expected no such field/);
  });

  it('reports an option the preset cannot take at the variant', () => {
    const parsed = validateExperiment({ ...spec, variants: [{ name: 'v4', design: 'preset:inception-v4', options: { scales: [0.1, 0.1, 0.1] } }] });
    expect(!parsed.ok && parsed.error.message).toMatch(/variants\[0\]\.options: expected options inception-v4 takes — inception-v4 has no residual blocks: the scales option does not apply, found an object/);
  });

  it('says where JSON text goes wrong', () => {
    const parsed = parseExperiment('{\n  "name": "x",\n  oops\n}');
    expect(!parsed.ok && parsed.error.message).toMatch(/^The experiment spec is not valid JSON: .* at line 3, column 3\.$/);
  });

  it('ships templates that pass the same checks, each with its paragraph and figure', () => {
    for (const template of Object.values(EXPERIMENT_TEMPLATES)) {
      const parsed = validateExperiment(JSON.parse(JSON.stringify(template)));
      expect(parsed.ok, parsed.ok ? '' : parsed.error.message).toBe(true);
      expect(template.description?.length).toBeGreaterThan(200);
      expect(template.figure).toMatch(/Figures? \d+/);
    }
    expect(expandExperiment(EXPERIMENT_TEMPLATES['residual-vs-plain'])).toHaveLength(6);
    expect(expandExperiment(EXPERIMENT_TEMPLATES['residual-scaling']).map((run) => run.options.scales)).toContainEqual([0.1, 0.1, 0.1]);
  });
});
