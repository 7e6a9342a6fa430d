/** What a prediction or an export reads its network from. */

import type { DesignDocument } from '../design/types';

export type ModelSource = { kind: 'design'; design: DesignDocument; seed?: number } | { kind: 'modelDir'; path: string };
