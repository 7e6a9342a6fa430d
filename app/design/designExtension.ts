/** Save-dialog names: a typed name without the design extension gets it (`net` → `net.incept.json`). */

import { DESIGN_EXTENSION } from './types';

export const withDesignExtension = (path: string): string =>
  path.toLowerCase().endsWith(DESIGN_EXTENSION) ? path : `${path.replace(/\.json$/i, '')}${DESIGN_EXTENSION}`;
