/** How many frames to wait for a node to appear: React Flow renders a newly opened design a frame or two later. */
const WAIT_FRAMES = 30;

/**
 * Focuses node `id` on the canvas (React Flow makes nodes focusable), waiting a few frames for
 * it to be rendered. For when what had focus is gone, e.g. a dialog opened from the start
 * screen or a menu that has closed with it: the keyboard user continues on the canvas.
 */
export function focusCanvasNode(id: string, frames = WAIT_FRAMES): void {
  const node = document.querySelector<HTMLElement>(`.react-flow__node[data-id="${CSS.escape(id)}"]`);
  if (node) node.focus();
  else if (frames > 0) requestAnimationFrame(() => focusCanvasNode(id, frames - 1));
}
