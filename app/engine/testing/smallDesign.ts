/** A small real design (Inception-v4 at 75×75, quarter width, one block per stage) for engine tests. */

import type { DesignDocument } from '../../design/types';
import { buildPreset } from '../../presets/index';

export function smallDesign(classes = 4, preset = 'inception-v4'): DesignDocument {
  return buildPreset(preset, { input: 75, width: 0.125, repeats: [1, 1, 1], classes });
}
