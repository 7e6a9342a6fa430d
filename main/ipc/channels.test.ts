import { describe, expect, it } from 'vitest';
import { studioMethodNames } from '../../app/protocol';
import { EVENT_CHANNEL, methodChannel } from './channels';

describe('IPC channels', () => {
  it('give each method a channel of its own in the studio namespace, apart from the event channel', () => {
    const channels = studioMethodNames.map(methodChannel);
    expect(channels).toEqual(studioMethodNames.map((method) => `studio:${method}`));
    // ipcMain.handle refuses a second handler on one channel, and a shared one would cross replies.
    expect(new Set([...channels, EVENT_CHANNEL]).size).toBe(channels.length + 1);
    expect(EVENT_CHANNEL).toBe('studio:event');
  });
});
