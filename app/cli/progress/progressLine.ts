/**
 * One progress line on a stream: redrawn in place on a terminal (at most every 100 ms, always
 * the last), printed at each tenth of the work in a pipe, and ended before any other line.
 */

import { CLEAR_LINE } from './progressText';

export interface ProgressLine {
  /** `done` of `total` units with this text; `done` falling back starts a new pass (next epoch). */
  progress(text: string, done: number, total: number): void;
  /** A permanent line; ends the progress line first. */
  line(text: string): void;
  /** Ends a pending progress line, leaving its last state on screen. */
  finish(): void;
}

const REDRAW_MS = 100;

export function progressLine(write: (text: string) => void, mode: 'tty' | 'plain', now: () => number = () => performance.now()): ProgressLine {
  let open = false;
  let lastDraw = -Infinity;
  let lastDone = 0;
  let lastTenth = 0;
  const line = (text: string): void => {
    if (open) write(CLEAR_LINE);
    open = false;
    write(`${text}\n`);
  };
  return {
    progress(text, done, total) {
      if (done < lastDone) lastTenth = 0;
      lastDone = done;
      const last = done >= total;
      if (mode === 'tty') {
        const t = now();
        if (!last && t - lastDraw < REDRAW_MS) return;
        lastDraw = t;
        write(`${CLEAR_LINE}${text}`);
        open = true;
        return;
      }
      const tenth = total > 0 ? Math.floor((done * 10) / total) : 0;
      if (tenth > lastTenth || last) line(text);
      lastTenth = tenth;
    },
    line,
    finish: () => {
      if (open) write('\n');
      open = false;
    },
  };
}
