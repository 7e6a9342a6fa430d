import * as tf from '@tensorflow/tfjs';
import { beforeAll, describe, expect, it } from 'vitest';
import { chain, type NodeRow } from '../../analysis/testing/designs';
import { parseDesign, serializeDesign } from '../../design/document';
import { compileDesign, DesignErrorsError } from '../compile';
import { parseDesignText, prepareModel, UnreadableDesignError, UntrainableDesignError } from './prepareModel';

beforeAll(async () => {
  await tf.setBackend('cpu');
});

const conv: NodeRow = ['conv', 'conv2d', { filters: 4, kernel: [3, 3], padding: 'same' }];
const pool: NodeRow = ['pool', 'globalAvgPool'];
const softmax: NodeRow = ['softmax', 'softmax'];
/** 8×8×3 → conv → pool → a 5-unit hidden dense → a `units` classifier → softmax. */
const classifier = (units: number, input: [number, number, number] = [8, 8, 3]) =>
  chain([conv, pool, ['hidden', 'dense', { units: 5, activation: 'relu' }], ['logits', 'dense', { units }], softmax], input);

const outputs = (model: tf.LayersModel): number => model.outputs[0].shape[1] ?? -1;

function refusal(work: () => unknown): Error {
  try {
    const made = work() as { model?: tf.LayersModel };
    made.model?.dispose();
  } catch (error) {
    return error as Error;
  }
  throw new Error('expected a refusal');
}

describe('prepareModel', () => {
  it('sizes the classifier to the classes, records them, and leaves every other node as it was', () => {
    const document = classifier(3);
    const prepared = prepareModel(document, ['cat', 'dog'], 5);
    expect(prepared.resized).toEqual({ from: 3, to: 2 });
    expect(prepared.document.classes).toEqual(['cat', 'dog']);
    expect(outputs(prepared.model)).toBe(2);
    expect(prepared.document.nodes.map((n) => n.params.units)).toEqual([undefined, undefined, undefined, 5, 2, undefined]);
    expect(prepared.document.nodes.filter((n) => n.id !== 'logits')).toEqual(document.nodes.filter((n) => n.id !== 'logits'));
    expect(document.nodes[4].params.units).toBe(3);
    prepared.model.dispose();
  });

  it('changes nothing but the recorded classes when the sizes agree', () => {
    const document = classifier(2);
    const prepared = prepareModel(document, ['cat', 'dog'], 5);
    expect(prepared).not.toHaveProperty('resized');
    expect(prepared.document).toEqual({ ...document, classes: ['cat', 'dog'] });
    expect(outputs(prepared.model)).toBe(2);
    prepared.model.dispose();
  });

  it("initialises the model from the run's seed", () => {
    const weightsOf = (model: tf.LayersModel): number[][] => model.getWeights().map((w) => [...w.dataSync()]);
    const prepared = prepareModel(classifier(3), ['cat', 'dog'], 5);
    const again = compileDesign(prepared.document, { seed: 5 }).model;
    const other = prepareModel(classifier(3), ['cat', 'dog'], 6).model;
    expect(weightsOf(prepared.model)).toEqual(weightsOf(again));
    expect(weightsOf(other)).not.toEqual(weightsOf(again));
    tf.dispose([prepared.model, again, other].flatMap((m) => m.getWeights()));
  });

  it('trains a gray input, and a classifier that applies softmax itself', () => {
    const gray = prepareModel(classifier(2, [8, 8, 1]), ['a', 'b'], 1);
    expect(gray.model.inputs[0].shape).toEqual([null, 8, 8, 1]);
    gray.model.dispose();
    const own = prepareModel(chain([conv, pool, ['logits', 'dense', { units: 2, activation: 'softmax' }]], [8, 8, 3]), ['a', 'b'], 1);
    expect(outputs(own.model)).toBe(2);
    own.model.dispose();
  });

  it('refuses a design with errors', () => {
    // A 3×3 valid convolution does not fit a 2×2 input.
    const tooSmall = chain([['conv', 'conv2d', { filters: 4, kernel: [3, 3], padding: 'valid' }], pool, ['logits', 'dense', { units: 2 }], softmax], [2, 2, 3]);
    expect(refusal(() => prepareModel(tooSmall, ['a', 'b'], 1))).toBeInstanceOf(DesignErrorsError);
  });

  it("names a design's errors before what keeps it from classifying", () => {
    // No classifier and a window too large: the node errors are what the user must fix first.
    const brokenAndHeadless = chain([['conv', 'conv2d', { filters: 4, kernel: [3, 3], padding: 'valid' }], pool], [2, 2, 3]);
    const refused = refusal(() => prepareModel(brokenAndHeadless, ['a', 'b'], 1));
    expect(refused).toBeInstanceOf(DesignErrorsError);
    expect(refused.message).toBe("Design 'test' has 1 error and cannot be built:\n  conv: Convolution conv (3×3 valid) on a 2×2 grid leaves 0×0: floor((2 − 3) / 1) + 1 = 0.");
  });

  it('refuses a design without a dense classifier, or whose output is not probabilities, saying what to change', () => {
    const noDense = refusal(() => prepareModel(chain([conv, pool, softmax], [8, 8, 3]), ['a', 'b'], 1));
    expect(noDense).toBeInstanceOf(UntrainableDesignError);
    expect(noDense.name).toBe('UntrainableDesignError');
    expect(noDense.message).toBe("Design 'test' does not end in a dense classifier layer, so it cannot be trained to classify images.");
    const logitsOut = "Design 'test' must output class probabilities: end it with a softmax (after the 'logits' dense layer).";
    expect(refusal(() => prepareModel(chain([conv, pool, ['logits', 'dense', { units: 2 }]], [8, 8, 3]), ['a', 'b'], 1)).message).toBe(logitsOut);
    expect(refusal(() => prepareModel(chain([conv, pool, ['logits', 'dense', { units: 2, activation: 'relu' }]], [8, 8, 3]), ['a', 'b'], 1)).message).toBe(logitsOut);
    expect(refusal(() => prepareModel(chain([conv, pool, ['logits', 'dense', { units: 2 }], softmax, ['drop', 'dropout', { rate: 0.1 }]], [8, 8, 3]), ['a', 'b'], 1)).message).toBe(logitsOut);
  });

  it.each([
    [[8, 6, 3], '8×6×3'],
    [[6, 8, 3], '6×8×3'],
    [[8, 8, 2], '8×8×2'],
    [[8, 8, 4], '8×8×4'],
  ] as [[number, number, number], string][])('refuses an input of %j, naming it', (input, named) => {
    const error = refusal(() => prepareModel(classifier(2, input), ['a', 'b'], 1));
    expect(error).toBeInstanceOf(UntrainableDesignError);
    expect(error.message).toBe(`Training needs a square input with 1 or 3 channels; design 'test' has ${named}.`);
  });
});

describe('parseDesignText', () => {
  it('reads a design document', () => {
    expect(parseDesignText(serializeDesign(classifier(2)))).toEqual(classifier(2));
  });

  it('refuses text that is not one, saying why', () => {
    const text = '{"format": "something else"}';
    const parsed = parseDesign(text);
    const error = refusal(() => parseDesignText(text));
    expect(error).toBeInstanceOf(UnreadableDesignError);
    expect(error.name).toBe('UnreadableDesignError');
    expect(error.message).toBe(`The design cannot be read: ${parsed.ok ? '' : parsed.error.message}`);
  });
});
