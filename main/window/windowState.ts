/**
 * The main window's size and position, saved on close and restored at start. A saved position
 * that no longer lies on any display (a monitor was unplugged) falls back to a centred default.
 */

import { readFile } from 'node:fs/promises';
import { writeFileAtomic } from '../../app/node/files/writeFileAtomic';

export interface Rectangle {
  x: number;
  y: number;
  width: number;
  height: number;
}

export interface WindowState {
  bounds: Rectangle;
  maximized: boolean;
}

export const DEFAULT_SIZE = { width: 1440, height: 900 };
export const MIN_SIZE = { width: 800, height: 560 };

function isRectangle(value: unknown): value is Rectangle {
  const r = value as Partial<Rectangle> | null;
  return typeof r === 'object' && r !== null && [r.x, r.y, r.width, r.height].every((n) => typeof n === 'number' && Number.isFinite(n));
}

/** How much of `a` overlaps `b`, in pixels². */
const overlap = (a: Rectangle, b: Rectangle): number =>
  Math.max(0, Math.min(a.x + a.width, b.x + b.width) - Math.max(a.x, b.x)) * Math.max(0, Math.min(a.y + a.height, b.y + b.height) - Math.max(a.y, b.y));

/** The bounds to open with: the saved ones when enough of the title bar area is visible, else centred on the first display. */
export function restoreWindowState(saved: unknown, workAreas: readonly Rectangle[]): WindowState {
  const primary = workAreas[0] ?? { x: 0, y: 0, ...DEFAULT_SIZE };
  const width = Math.min(DEFAULT_SIZE.width, primary.width);
  const height = Math.min(DEFAULT_SIZE.height, primary.height);
  const fallback: WindowState = {
    bounds: { x: primary.x + Math.round((primary.width - width) / 2), y: primary.y + Math.round((primary.height - height) / 2), width, height },
    maximized: false,
  };
  const state = saved as Partial<WindowState> | null;
  if (typeof state !== 'object' || state === null || !isRectangle(state.bounds)) return fallback;
  const bounds = { ...state.bounds, width: Math.max(MIN_SIZE.width, state.bounds.width), height: Math.max(MIN_SIZE.height, state.bounds.height) };
  const titleBar = { x: bounds.x, y: bounds.y, width: bounds.width, height: 40 };
  const visible = workAreas.some((area) => overlap(titleBar, area) >= Math.min(titleBar.width, 200) * 20);
  return visible ? { bounds, maximized: state.maximized === true } : fallback;
}

export async function loadWindowState(path: string, workAreas: readonly Rectangle[]): Promise<WindowState> {
  const saved = await readFile(path, 'utf8')
    .then((text) => JSON.parse(text) as unknown)
    .catch(() => null);
  return restoreWindowState(saved, workAreas);
}

export function saveWindowState(path: string, state: WindowState): Promise<void> {
  return writeFileAtomic(path, JSON.stringify(state, null, 2));
}
