/** Design files named on the command line (or by the OS through a second instance's argv). */

import { isAbsolute, resolve } from 'node:path';
import { DESIGN_EXTENSION } from '../../app/design/types';

export function designFilesInArgs(argv: readonly string[], cwd: string): string[] {
  return argv
    .slice(1)
    .filter((arg) => !arg.startsWith('-') && arg.toLowerCase().endsWith(DESIGN_EXTENSION))
    .map((arg) => (isAbsolute(arg) ? arg : resolve(cwd, arg)));
}
