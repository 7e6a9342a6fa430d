/**
 * CPU time of the calling thread (main or worker), from Linux's `/proc/thread-self/stat`:
 * unlike wall-clock time it does not grow while other processes hold the cores, so timings on
 * a shared machine compare. Null where the file is missing (not Linux).
 */

import { readFileSync } from 'node:fs';

/** Clock ticks per second of `stat`'s utime and stime (USER_HZ, 100 on every Linux build Node supports). */
const TICKS_PER_SECOND = 100;

export function threadCpuMs(): number | null {
  let stat: string;
  try {
    stat = readFileSync('/proc/thread-self/stat', 'utf8');
  } catch {
    return null;
  }
  // The command name (field 2) may hold spaces; the fields after its closing parenthesis do not.
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  // utime and stime are fields 14 and 15 of the whole line, 12 and 13 after the name.
  return ((Number(fields[11]) + Number(fields[12])) * 1000) / TICKS_PER_SECOND;
}
