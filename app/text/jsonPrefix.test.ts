import { describe, expect, it } from 'vitest';
import { isJsonPrefix } from './jsonPrefix';

describe('isJsonPrefix', () => {
  const line = JSON.stringify({ time: '2024-01-01T00:00:00.000Z', type: 'epoch', epoch: 12, ok: true, no: false, none: null, lr: -1.5e-3, message: 'a "quote"\n\u001b', list: [1, [2], {}] });

  it('accepts every cut of a logged line, and the whole line', () => {
    for (let end = 1; end <= line.length; end += 1) expect(isJsonPrefix(line.slice(0, end)), line.slice(0, end)).toBe(true);
  });

  it('refuses text that goes wrong before it ends', () => {
    for (const text of ['{broken', 'not json', '{"a":1}}', '{"a":1]', '{"a" 1', '{"a":tx', '{"a":1}x', '[1,,']) expect(isJsonPrefix(text), text).toBe(false);
  });
});
