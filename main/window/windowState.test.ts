import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { tempFolder } from '../testing/fakeHost';
import { loadWindowState, restoreWindowState, saveWindowState } from './windowState';

const screenArea = { x: 0, y: 0, width: 1920, height: 1080 };

describe('window state', () => {
  it('restores saved bounds that are on a display', () => {
    const saved = { bounds: { x: 100, y: 50, width: 1200, height: 800 }, maximized: true };
    expect(restoreWindowState(saved, [screenArea])).toEqual(saved);
  });

  it('centres a default window when the saved one is off every display or unreadable', () => {
    const centred = { bounds: { x: 240, y: 90, width: 1440, height: 900 }, maximized: false };
    expect(restoreWindowState({ bounds: { x: 5000, y: 50, width: 1200, height: 800 }, maximized: false }, [screenArea])).toEqual(centred);
    expect(restoreWindowState('garbage', [screenArea])).toEqual(centred);
    expect(restoreWindowState(null, [{ x: 0, y: 0, width: 1280, height: 720 }]).bounds).toEqual({ x: 0, y: 0, width: 1280, height: 720 });
  });

  it('enforces the minimum size', () => {
    expect(restoreWindowState({ bounds: { x: 0, y: 0, width: 10, height: 10 }, maximized: false }, [screenArea]).bounds).toEqual({ x: 0, y: 0, width: 800, height: 560 });
  });

  it('round-trips through its file, and a missing file gives the default', async () => {
    const folder = await tempFolder('window-state');
    const path = join(folder.path, 'window.json');
    expect((await loadWindowState(path, [screenArea])).maximized).toBe(false);
    const state = { bounds: { x: 10, y: 20, width: 900, height: 700 }, maximized: false };
    await saveWindowState(path, state);
    expect(JSON.parse(await readFile(path, 'utf8'))).toEqual(state);
    expect(await loadWindowState(path, [screenArea])).toEqual(state);
    await folder.remove();
  });
});
