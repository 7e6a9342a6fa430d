import { describe, expect, it } from 'vitest';
import { RunControl } from './runControl';
import { settled } from '../testing/settled';

describe('RunControl', () => {
  it('lets a loop that was never paused carry on', async () => {
    const control = new RunControl();
    expect(control.pauseRequestedNow).toBe(false);
    expect(control.stopRequested).toBe(false);
    expect(await settled(control.waitForResume())).toBe(true);
  });

  it('holds the loop from pause until resume', async () => {
    const control = new RunControl();
    control.pause();
    expect(control.pauseRequestedNow).toBe(true);
    const waiting = control.waitForResume();
    expect(await settled(waiting)).toBe(false);
    control.resume();
    expect(await settled(waiting)).toBe(true);
    expect(control.pauseRequestedNow).toBe(false);
    expect(control.stopRequested).toBe(false);
    expect(await settled(control.waitForResume())).toBe(true);
  });

  it('releases a paused loop on stop, and pauses no more once stopped', async () => {
    const control = new RunControl();
    control.pause();
    const waiting = control.waitForResume();
    control.stop();
    expect(await settled(waiting)).toBe(true);
    expect(control.stopRequested).toBe(true);
    expect(control.pauseRequestedNow).toBe(false);
    control.pause();
    expect(control.pauseRequestedNow).toBe(false);
    expect(await settled(control.waitForResume())).toBe(true);
  });

  it('takes resume and stop without a pause in stride', async () => {
    const control = new RunControl();
    control.resume();
    expect(control.pauseRequestedNow).toBe(false);
    control.stop();
    expect(control.stopRequested).toBe(true);
    expect(await settled(control.waitForResume())).toBe(true);
  });
});
