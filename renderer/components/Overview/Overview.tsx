import { MiniMap, type Node } from '@xyflow/react';
import { memo } from 'react';
import './Overview.css';

const minimapColor = (node: Node): string =>
  node.data.severity === 'error' ? '#d93a3a' : node.type === 'layer' ? '#8aa4c8' : '#5b7fb8';

/**
 * The minimap of the whole design, beside the canvas rather than over it, so it never covers
 * nodes: a design opens at readable size and this shows (and pans to) the rest.
 */
function OverviewView() {
  return (
    <section className="overview" aria-label="Overview">
      {/* Outside the canvas React Flow's colour variables are not set: the theme's colours instead. */}
      <MiniMap
        pannable
        zoomable
        nodeColor={minimapColor}
        ariaLabel="Minimap"
        className="overview__map"
        bgColor="var(--surface)"
        maskColor="var(--overlay)"
        maskStrokeColor="var(--accent)"
      />
    </section>
  );
}

export const Overview = memo(OverviewView);
