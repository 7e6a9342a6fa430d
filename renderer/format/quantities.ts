/** How numbers look in the UI: shapes as H×W×C, counts with SI suffixes, bytes in binary units. */

import type { Shape } from '../../app/layers/types';

export function formatShape(shape: Shape | undefined): string {
  return shape === undefined ? '?' : shape.join('×');
}

/** 54,336,736 → `54.34M`; small counts stay exact. */
export function formatCount(value: number): string {
  const abs = Math.abs(value);
  if (abs >= 1e9) return `${(value / 1e9).toFixed(2)}G`;
  if (abs >= 1e6) return `${(value / 1e6).toFixed(2)}M`;
  if (abs >= 1e4) return `${(value / 1e3).toFixed(1)}k`;
  return String(value);
}

/** Exact count with thousands separators, for tooltips and the status bar. */
export function formatExact(value: number): string {
  return value.toLocaleString('en-US');
}

export function formatBytes(bytes: number): string {
  if (bytes >= 2 ** 30) return `${(bytes / 2 ** 30).toFixed(2)} GiB`;
  if (bytes >= 2 ** 20) return `${(bytes / 2 ** 20).toFixed(1)} MiB`;
  if (bytes >= 2 ** 10) return `${(bytes / 2 ** 10).toFixed(1)} KiB`;
  return `${bytes} B`;
}
