/**
 * Zoom and pan along a chart's x axis (steps or epochs): the arithmetic, pure, and a uPlot
 * plugin that binds it to the mouse wheel (zoom around the pointer) and Shift+drag or a
 * middle-button drag (pan). uPlot itself zooms to a dragged selection; a double-click resets.
 */

import type uPlot from 'uplot';

export interface Range {
  min: number;
  max: number;
}

/** The range scaled by `factor` (< 1 zooms in) around `anchor`, kept inside `limits`. */
export function zoomRange(range: Range, anchor: number, factor: number, limits: Range): Range {
  const width = Math.min(limits.max - limits.min, Math.max((range.max - range.min) * factor, (limits.max - limits.min) * 1e-4));
  const left = (anchor - range.min) / Math.max(range.max - range.min, Number.EPSILON);
  return clampRange({ min: anchor - width * left, max: anchor - width * left + width }, limits);
}

/** The range moved by `delta`, kept inside `limits` without changing its width. */
export function panRange(range: Range, delta: number, limits: Range): Range {
  return clampRange({ min: range.min + delta, max: range.max + delta }, limits);
}

function clampRange(range: Range, limits: Range): Range {
  const width = range.max - range.min;
  if (range.min < limits.min) return { min: limits.min, max: Math.min(limits.max, limits.min + width) };
  if (range.max > limits.max) return { min: Math.max(limits.min, limits.max - width), max: limits.max };
  return range;
}

/** Whether the x scale shows less than all of the data (the user zoomed in). */
export function isZoomed(plot: uPlot): boolean {
  const xs = plot.data[0];
  const { min, max } = plot.scales.x;
  if (xs.length < 2 || min === undefined || max === undefined) return false;
  return min > xs[0] || max < xs[xs.length - 1];
}

const dataLimits = (plot: uPlot): Range | null => {
  const xs = plot.data[0];
  return xs.length < 2 ? null : { min: xs[0], max: xs[xs.length - 1] };
};

const currentRange = (plot: uPlot): Range | null => {
  const { min, max } = plot.scales.x;
  return min === undefined || max === undefined ? null : { min, max };
};

const WHEEL_STEP = 0.85;

/** Wheel zoom and drag pan on the x axis. */
export function zoomPanPlugin(): uPlot.Plugin {
  return {
    opts: (_plot, options) => {
      const bind = options.cursor?.bind ?? {};
      // Shift+drag or the middle button pans instead of starting a zoom selection.
      const mousedown: uPlot.Cursor.MouseListenerFactory = (plot, _target, handler) => (event) => {
        if (!event.shiftKey && event.button !== 1) return handler(event);
        const start = currentRange(plot);
        const limits = dataLimits(plot);
        if (!start || !limits) return null;
        event.preventDefault();
        const unitsPerPixel = (start.max - start.min) / Math.max(1, plot.over.clientWidth);
        const originX = event.clientX;
        const move = (moved: MouseEvent) => plot.setScale('x', panRange(start, (originX - moved.clientX) * unitsPerPixel, limits));
        const up = () => {
          window.removeEventListener('mousemove', move);
          window.removeEventListener('mouseup', up);
        };
        window.addEventListener('mousemove', move);
        window.addEventListener('mouseup', up);
        return null;
      };
      return { ...options, cursor: { ...options.cursor, bind: { ...bind, mousedown } } };
    },
    hooks: {
      ready: (plot) => {
        plot.over.addEventListener(
          'wheel',
          (event) => {
            const range = currentRange(plot);
            const limits = dataLimits(plot);
            if (!range || !limits) return;
            event.preventDefault();
            const anchor = plot.posToVal(event.clientX - plot.over.getBoundingClientRect().left, 'x');
            plot.setScale('x', zoomRange(range, anchor, event.deltaY < 0 ? WHEEL_STEP : 1 / WHEEL_STEP, limits));
          },
          { passive: false },
        );
      },
    },
  };
}
