import type * as tf from '@tensorflow/tfjs';
import { describe, expect, it } from 'vitest';
import { analyze } from '../../analysis/analyze';
import { chain, design } from '../../analysis/testing/designs';
import type { DesignDocument } from '../../design/types';
import { compileDesign } from './compileDesign';
import { compileGraph } from './compileGraph';
import { DesignErrorsError } from './errors';
import { onWasmWithoutLeaks } from '../testing/wasmWithoutLeaks';

/** 8×8×3 → 3×3 convolution → pool → dense → softmax. */
const tiny = (name = 'tiny'): DesignDocument => ({
  ...chain([['c', 'conv2d', { filters: 4, kernel: [3, 3], strides: [1, 1], padding: 'same' }], ['g', 'globalAvgPool'], ['d', 'dense', { units: 3 }], ['s', 'softmax']], [8, 8, 3]),
  name,
});

function weightValues(model: tf.LayersModel): number[][] {
  const values = model.getWeights().map((w) => Array.from(w.dataSync()));
  model.dispose();
  return values;
}

describe('compileDesign', () => {
  onWasmWithoutLeaks();

  it.each([
    ['inception-v4_small', 'inception-v4_small'],
    ['My net (v2)', 'My_net__v2_'],
    ['réseau/2', 'r_seau_2'],
    ['', 'inception'],
  ])("names the model after the design: '%s' → '%s'", (designName, modelName) => {
    const { model } = compileDesign(tiny(designName));
    expect(model.name).toBe(modelName);
    model.dispose();
  });

  it('compiles the analysed graph with the options given, which override the name', () => {
    const doc = tiny('tiny');
    const { model, analysis } = compileDesign(doc, { seed: 5, name: 'chosen' });
    expect(analysis).toEqual(analyze(doc));
    expect(model.name).toBe('chosen');
    expect(weightValues(model)).toEqual(weightValues(compileGraph(analysis.graph, { seed: 5 })));
  });

  it('compiles a design with warnings only', () => {
    const doc: DesignDocument = { ...tiny(), nodes: [...tiny().nodes, { id: 'lone', type: 'dense', params: {}, position: { x: 0, y: 0 } }] };
    const { model, analysis } = compileDesign(doc);
    expect(analysis.diagnostics.map((d) => d.severity)).toEqual(['warning']);
    expect(model.outputs[0].shape).toEqual([null, 3]);
    model.dispose();
  });

  it('refuses a design with an error, listing it alone among the warnings', () => {
    const broken = design(
      [['input', 'input'], ['c', 'conv2d', { filters: 0 }], ['g', 'globalAvgPool'], ['d', 'dense', { units: 3 }], ['s', 'softmax'], ['lone', 'dense']],
      [['input', 'c'], ['c', 'g'], ['g', 'd'], ['d', 's']],
      [8, 8, 3],
    );
    let refusal: unknown;
    try {
      compileDesign({ ...broken, name: 'broken' }).model.dispose();
    } catch (error) {
      refusal = error;
    }
    expect(refusal).toBeInstanceOf(DesignErrorsError);
    expect((refusal as Error).message).toBe("Design 'broken' has 1 error and cannot be built:\n  c: Node c: Convolution: filters is 0; it must be an integer between 1 and 65536.");
  });
});
