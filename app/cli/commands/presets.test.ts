import { describe, expect, it } from 'vitest';
import { presets } from '../../presets/index';
import { main } from '../main';
import { captureIo } from '../testing/captureIo';

describe('presets', () => {
  it('lists one line per preset', async () => {
    const io = captureIo('/');
    expect(await main(['presets'], io)).toBe(0);
    const lines = io.out().trimEnd().split('\n');
    expect(lines).toHaveLength(presets.length);
    expect(lines[0]).toMatch(/^inception-v4 +Paper Fig 9/);
  });

  it('prints JSON with --json and refuses stray arguments', async () => {
    const io = captureIo('/');
    expect(await main(['presets', '--json'], io)).toBe(0);
    expect(JSON.parse(io.out())).toEqual(presets);
    const bad = captureIo('/');
    expect(await main(['presets', 'all'], bad)).toBe(2);
    expect(bad.err()).toBe("presets: unexpected argument 'all'\n");
  });
});
