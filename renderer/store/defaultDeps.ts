/** The real analysis and node-type lookup the app runs with; tests may pass their own. */

import { analyze } from '../../app/analysis/analyze';
import { getNodeType } from '../../app/design/nodeTypes';
import type { EditorDeps } from './editorStore';

export const defaultDeps: EditorDeps = {
  analyze,
  nodeType: (type) => getNodeType(type)?.info,
};
