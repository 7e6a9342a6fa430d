import { expect, it } from 'vitest';
import { RUN_RECORD_FORMAT } from './runRecordFormat';

it('names run records as the run folders already on disk and exported train.py scripts write them', () => {
  expect(RUN_RECORD_FORMAT).toBe('inception-studio/run');
});
