/** A new design: the network input alone, 299×299×3 as in the paper. */

import { DESIGN_FORMAT, DESIGN_VERSION, type DesignDocument } from '../../app/design/types';

export function emptyDesign(name = 'Untitled'): DesignDocument {
  return {
    format: DESIGN_FORMAT,
    version: DESIGN_VERSION,
    name,
    input: { height: 299, width: 299, channels: 3 },
    nodes: [{ id: 'input', type: 'input', params: {}, position: { x: 0, y: 0 } }],
    edges: [],
    notes: [],
  };
}
