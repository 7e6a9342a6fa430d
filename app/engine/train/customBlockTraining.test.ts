/**
 * A custom block (a block node with per-layer settings) goes through the engine as the analysis
 * sees it: the compiled model has the edited layer, a run trains it and saves it, and the saved
 * model directory loads again with the block's settings intact.
 */

import { join } from 'node:path';
import type * as tf from '@tensorflow/tfjs';
import { describe, expect, it } from 'vitest';
import { serializeDesign } from '../../design/document';
import { buildPreset } from '../../presets/index';
import type { DesignDocument } from '../../design/types';
import { selectBackend } from '../backends/select';
import { compileDesign } from '../compile/compileDesign';
import { loadModelDir } from '../modelDir/loadModelDir';
import { useTestFolder } from '../testing/testFolders';
import { eventsOf, recordRun } from './trainFixtures';

const folder = useTestFolder('custom-block-', { classes: 2, perClass: 8, size: 80 });

/** The small Inception-v4 with its Inception-A's second branch ending in a 5×5 of 12 filters. */
function customDesign(): DesignDocument {
  const preset = buildPreset('inception-v4', { width: 0.1, repeats: [1, 1, 1], input: 75, classes: 2 });
  return { ...preset, nodes: preset.nodes.map((n) => (n.id === 'a1' ? { ...n, overrides: { 'branch1/conv2': { filters: 12, kernel: [5, 5] } } } : n)) };
}

/** The kernel of the edited layer, found by its weight name. */
const kernelShape = (model: tf.LayersModel): tf.Shape | undefined =>
  model.weights.find((w) => w.name.includes('a1/branch1/conv2') && w.shape.length === 4)?.shape;

describe('a custom block in the engine', () => {
  it('compiles with the edited layer', async () => {
    await selectBackend({ backend: 'wasm' });
    const { model, analysis } = compileDesign(customDesign());
    try {
      expect(kernelShape(model)).toEqual([5, 5, analysis.layers['a1/branch1/conv1'].output?.[2], 12]);
      expect(model.countParams()).toBe(analysis.totals.total);
    } finally {
      model.dispose();
    }
  });

  it('trains, saves and loads again with the block\'s settings', async () => {
    const runDir = join(folder.root, 'run');
    const { outcome, events } = await recordRun({
      design: serializeDesign(customDesign()),
      data: folder.data,
      runDir,
      backend: 'wasm',
      config: { batchSize: 8, epochs: 1, validationSplit: 0, seed: 1 },
    });
    expect(outcome).toBe('completed');
    expect(eventsOf(events, 'step').every((step) => Number.isFinite(step.loss))).toBe(true);
    const loaded = await loadModelDir(join(runDir, 'checkpoints', 'last'));
    try {
      expect(loaded.design.nodes.find((n) => n.id === 'a1')?.overrides).toEqual({ 'branch1/conv2': { filters: 12, kernel: [5, 5] } });
      expect(kernelShape(loaded.model)?.slice(0, 2)).toEqual([5, 5]);
    } finally {
      loaded.model.dispose();
    }
  });
});
