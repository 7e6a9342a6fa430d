/** How progress reads on a terminal: durations, bars, percentages. */

export function formatDuration(seconds: number): string {
  if (!Number.isFinite(seconds) || seconds < 0) return '?';
  const s = Math.round(seconds);
  if (s < 60) return `${s}s`;
  if (s < 3600) return `${Math.floor(s / 60)}m${String(s % 60).padStart(2, '0')}s`;
  return `${Math.floor(s / 3600)}h${String(Math.floor((s % 3600) / 60)).padStart(2, '0')}m`;
}

export const percent = (x: number): string => `${(x * 100).toFixed(1)}%`;

export function progressBar(done: number, total: number, width = 20): string {
  const filled = total > 0 ? Math.min(width, Math.round((done / total) * width)) : 0;
  return `[${'#'.repeat(filled)}${'-'.repeat(width - filled)}]`;
}

/** Erases the terminal line the cursor is on, so a progress line can be redrawn in place. */
export const CLEAR_LINE = '\r\x1b[2K';

/** Where a command shows progress: a redrawn line on a terminal, plain lines in a pipe, JSON lines. */
export type ProgressMode = 'tty' | 'plain' | 'json';
