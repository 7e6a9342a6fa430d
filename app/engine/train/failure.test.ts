import { describe, expect, it } from 'vitest';
import { DatasetError } from '../data/types';
import { describeFailure } from './failure';

describe('describeFailure', () => {
  it('explains running out of memory and points at the kept checkpoint', () => {
    const message = describeFailure(new RangeError('Array buffer allocation failed'), '/runs/a/checkpoints/last');
    expect(message).toMatch(/^Training ran out of memory \(Array buffer allocation failed\)\. Use a smaller batch size/);
    expect(message).toContain('The last checkpoint is kept in /runs/a/checkpoints/last');
    expect(describeFailure(new Error('memory access out of bounds'), null)).toMatch(/ran out of memory/);
  });

  it('passes dataset and other failures through with the checkpoint', () => {
    expect(describeFailure(new DatasetError('Dataset not found: /x does not exist.'), null)).toBe('Dataset not found: /x does not exist.');
    expect(describeFailure(new Error('backend lost'), '/c')).toBe('Training failed: backend lost. The last checkpoint is kept in /c; resume from it after the fix.');
  });
});
