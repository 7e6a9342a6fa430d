/** Every built-in block template, in palette order. */

import { inceptionTemplates } from './library/inception';
import { inceptionResnetTemplates } from './library/inceptionResnet';
import { reductionTemplates } from './library/reduction';
import { stemTemplates } from './library/stems';
import { tfslimTemplates } from './library/tfslim';
import type { BlockTemplate } from './types';

export const blockTemplates: readonly BlockTemplate[] = [
  ...stemTemplates,
  ...inceptionTemplates,
  ...reductionTemplates,
  ...inceptionResnetTemplates,
  ...tfslimTemplates,
];

const byType = new Map(blockTemplates.map((template) => [template.type, template]));

export function getBlockTemplate(type: string): BlockTemplate | undefined {
  return byType.get(type);
}
