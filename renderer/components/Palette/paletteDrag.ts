/** The drag payload type for palette items dropped on the canvas: the node type name. */
export const PALETTE_MIME = 'application/x-inception-node-type';
