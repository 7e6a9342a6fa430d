import { describe, expect, it } from 'vitest';
import { splitByClass } from './split';

const classOf = (labels: readonly number[], indices: readonly number[], label: number): number[] => indices.filter((i) => labels[i] === label);

describe('splitByClass', () => {
  it('holds out round(fraction × count) of every class and keeps the rest for training', () => {
    const labels = [...Array<number>(10).fill(0), ...Array<number>(20).fill(1), ...Array<number>(5).fill(2)];
    const { train, validation } = splitByClass(labels, 0.2, 7);
    expect(classOf(labels, validation, 0)).toHaveLength(2);
    expect(classOf(labels, validation, 1)).toHaveLength(4);
    expect(classOf(labels, validation, 2)).toHaveLength(1);
    expect([...train, ...validation].sort((a, b) => a - b)).toEqual(labels.map((_, i) => i));
  });

  it('returns both lists sorted ascending, with interleaved labels', () => {
    const labels = Array.from({ length: 40 }, (_, i) => i % 3);
    const { train, validation } = splitByClass(labels, 0.3, 3);
    expect(train).toEqual([...train].sort((a, b) => a - b));
    expect(validation).toEqual([...validation].sort((a, b) => a - b));
    expect(train.length + validation.length).toBe(40);
    expect(new Set([...train, ...validation]).size).toBe(40);
  });

  it('holds out at least one of a class of two or more, and never all of it', () => {
    const labels = [0, 0, 1, 1, 1, 1, 1, 1, 1, 1];
    const small = splitByClass(labels, 0.01, 1);
    expect(classOf(labels, small.validation, 0)).toHaveLength(1);
    expect(classOf(labels, small.validation, 1)).toHaveLength(1);
    const large = splitByClass(labels, 0.99, 1);
    expect(classOf(labels, large.train, 0)).toHaveLength(1);
    expect(classOf(labels, large.train, 1)).toHaveLength(1);
    expect(large.validation).toHaveLength(8);
  });

  it('keeps a class of one sample for training', () => {
    const { train, validation } = splitByClass([5, 0, 0, 0], 0.5, 1);
    expect(train).toContain(0);
    expect(validation).not.toContain(0);
    expect(validation).toHaveLength(2);
  });

  it('holds out nothing when the fraction is 0', () => {
    expect(splitByClass([0, 0, 1, 1, 1], 0, 9)).toEqual({ train: [0, 1, 2, 3, 4], validation: [] });
  });

  it('is a function of the seed', () => {
    const labels = Array.from({ length: 200 }, (_, i) => i % 2);
    expect(splitByClass(labels, 0.25, 11)).toEqual(splitByClass(labels, 0.25, 11));
    expect(splitByClass(labels, 0.25, 11).validation).not.toEqual(splitByClass(labels, 0.25, 12).validation);
  });
});
