import { memo, useLayoutEffect, useRef, useState, type KeyboardEvent, type PointerEvent } from 'react';
import { readStoredNumber, writeStoredNumber } from '../../dom/storedNumber';
import { DiagnosticsPanel } from '../DiagnosticsPanel/DiagnosticsPanel';
import { Inspector } from '../Inspector/Inspector';
import './SidePanels.css';

/** Smallest height either panel keeps, so neither the provenance nor the problems disappear. */
const MIN_PANEL = 90;
const STEP = 24;
const DEFAULT_HEIGHT = 220;
/** Where the diagnostics' height is remembered across reloads. */
const HEIGHT_KEY = 'sidePanels.diagnosticsHeight';

/**
 * The inspector above the diagnostics, split by a handle the user drags (or moves with the
 * arrow keys): the diagnostics never take the inspector's shape provenance away.
 */
function SidePanelsView() {
  const side = useRef<HTMLDivElement>(null);
  const [height, setStateHeight] = useState(() => readStoredNumber(HEIGHT_KEY) ?? DEFAULT_HEIGHT);
  const clamp = (value: number) => {
    const total = side.current?.clientHeight ?? 0;
    return Math.round(Math.max(MIN_PANEL, Math.min(value, total - MIN_PANEL)));
  };
  const setHeight = (value: number) => {
    setStateHeight(value);
    writeStoredNumber(HEIGHT_KEY, value);
  };
  // A remembered height from a taller window still leaves the inspector its room.
  useLayoutEffect(() => {
    if (side.current && side.current.clientHeight > 2 * MIN_PANEL) setStateHeight((stored) => clamp(stored));
    // Once, on mount: later sizes come from the user.
  }, []);
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
