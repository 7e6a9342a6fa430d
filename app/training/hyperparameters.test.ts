import { describe, expect, it } from 'vitest';
import { METRICS, metricText } from './hyperparameters';

const [loss, top1, top5] = METRICS;

describe('metricText', () => {
  it('shows a loss to four places', () => {
    expect(metricText(loss, 1.23456)).toBe('1.2346');
    expect(metricText(loss, 0.5, 3)).toBe('0.5000');
  });

  it('shows an accuracy as a percentage, to one place unless told', () => {
    expect(metricText(top1, 0.8768)).toBe('87.7%');
    expect(metricText(top5, 1)).toBe('100.0%');
    expect(metricText(top1, 0.8768, 2)).toBe('87.68%');
    expect(metricText(top5, 0.5, 0)).toBe('50%');
  });
});
