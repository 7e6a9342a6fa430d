/**
 * A number the window remembers across reloads and restarts (a panel size), in the page's
 * localStorage. Storage may be unavailable or full; the caller's default stands in then.
 */

const PREFIX = 'inception-studio.';

export function readStoredNumber(key: string): number | undefined {
  try {
    const value = Number(window.localStorage.getItem(PREFIX + key) ?? Number.NaN);
    return Number.isFinite(value) ? value : undefined;
  } catch {
    // No storage (a locked-down profile): nothing remembered.
    return undefined;
  }
}

export function writeStoredNumber(key: string, value: number): void {
  try {
    window.localStorage.setItem(PREFIX + key, String(value));
  } catch {
    // No storage or full: the size is kept for this session only.
  }
}
