import { memo, useRef, useState, type KeyboardEvent, type PointerEvent } from 'react';
import { DiagnosticsPanel } from '../DiagnosticsPanel/DiagnosticsPanel';
import { Inspector } from '../Inspector/Inspector';
import './SidePanels.css';

/** Smallest height either panel keeps, so neither the provenance nor the problems disappear. */
const MIN_PANEL = 90;
const STEP = 24;

/**
 * The inspector above the diagnostics, split by a handle the user drags (or moves with the
 * arrow keys): the diagnostics never take the inspector's shape provenance away.
 */
function SidePanelsView() {
  const side = useRef<HTMLDivElement>(null);
  const [height, setHeight] = useState(220);
  const clamp = (value: number) => {
    const total = side.current?.clientHeight ?? 0;
    return Math.round(Math.max(MIN_PANEL, Math.min(value, total - MIN_PANEL)));
  };
  const onPointerDown = (event: PointerEvent<HTMLDivElement>) => {
    event.currentTarget.setPointerCapture(event.pointerId);
  };
  const onPointerMove = (event: PointerEvent<HTMLDivElement>) => {
    if (!event.currentTarget.hasPointerCapture(event.pointerId) || !side.current) return;
    setHeight(clamp(side.current.getBoundingClientRect().bottom - event.clientY));
  };
  const onKeyDown = (event: KeyboardEvent<HTMLDivElement>) => {
    const delta = event.key === 'ArrowUp' ? STEP : event.key === 'ArrowDown' ? -STEP : 0;
    if (delta === 0) return;
    event.preventDefault();
    setHeight(clamp(height + delta));
  };
  return (
    <div className="side-panels" ref={side}>
      <Inspector />
      <div
        className="side-panels__splitter"
        role="separator"
        aria-orientation="horizontal"
        aria-label="Resize inspector and diagnostics"
        aria-valuenow={height}
        tabIndex={0}
        onPointerDown={onPointerDown}
        onPointerMove={onPointerMove}
        onKeyDown={onKeyDown}
      />
      <div className="side-panels__bottom" style={{ height }}>
        <DiagnosticsPanel />
      </div>
    </div>
  );
}

export const SidePanels = memo(SidePanelsView);
