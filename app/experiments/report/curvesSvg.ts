/**
 * A figure of the report as SVG text: each variant's mean curve over epochs with a shaded band
 * from its lowest to its highest seed. Pure and self-contained (no fonts or scripts to load),
 * so the report opens the same in a browser, an editor's preview and a repository.
 */

import type { VariantCurve } from './variantSummary';

export interface CurvesFigure {
  title: string;
  yLabel: string;
  /** Accuracies are shown as percentages on a 0–100 axis. */
  percent: boolean;
  curves: readonly VariantCurve[];
}

/** Colour-blind-safe (Okabe–Ito), in variant order. */
export const SERIES_COLOURS = ['#0072B2', '#D55E00', '#009E73', '#CC79A7', '#E69F00', '#56B4E9', '#000000', '#F0E442'] as const;

const WIDTH = 640;
const HEIGHT = 360;
const MARGIN = { left: 56, right: 16, top: 32, bottom: 72 };

const escapeXml = (text: string): string => text.replace(/[<>&"']/g, (c) => `&#${c.charCodeAt(0)};`);
const fixed = (n: number): string => (Math.round(n * 10) / 10).toString();

/** Round steps for an axis from `low` to `high`: about five ticks. */
function ticks(low: number, high: number): number[] {
  const span = high - low || 1;
  const raw = span / 5;
  const magnitude = 10 ** Math.floor(Math.log10(raw));
  const step = [1, 2, 5, 10].map((m) => m * magnitude).find((s) => s >= raw) ?? raw;
  const first = Math.ceil(low / step) * step;
  return Array.from({ length: Math.floor((high - first) / step + 1e-9) + 1 }, (_, i) => first + i * step);
}

export function curvesSvg(figure: CurvesFigure): string {
  const scale = figure.percent ? 100 : 1;
  const points = figure.curves.flatMap((curve) => curve.points);
  const maxEpoch = Math.max(1, ...points.map((p) => p.epoch));
  const yLow = figure.percent ? 0 : Math.min(0, ...points.map((p) => p.min * scale));
  const yHigh = figure.percent ? 100 : Math.max(1e-9, ...points.map((p) => p.max * scale)) * 1.05;
  const plotW = WIDTH - MARGIN.left - MARGIN.right;
  const plotH = HEIGHT - MARGIN.top - MARGIN.bottom;
  const x = (epoch: number): number => MARGIN.left + (maxEpoch === 1 ? plotW / 2 : ((epoch - 1) / (maxEpoch - 1)) * plotW);
  const y = (value: number): number => MARGIN.top + plotH - ((value * scale - yLow) / (yHigh - yLow)) * plotH;
  const parts: string[] = [
    `<svg xmlns="http://www.w3.org/2000/svg" width="${WIDTH}" height="${HEIGHT}" viewBox="0 0 ${WIDTH} ${HEIGHT}" font-family="sans-serif" font-size="12">`,
    `<rect width="${WIDTH}" height="${HEIGHT}" fill="#ffffff"/>`,
    `<text x="${WIDTH / 2}" y="20" text-anchor="middle" font-size="14">${escapeXml(figure.title)}</text>`,
  ];
  for (const tick of ticks(yLow, yHigh)) {
    const ty = fixed(y(tick / scale));
    parts.push(`<line x1="${MARGIN.left}" x2="${WIDTH - MARGIN.right}" y1="${ty}" y2="${ty}" stroke="#e0e0e0"/>`, `<text x="${MARGIN.left - 6}" y="${ty}" text-anchor="end" dominant-baseline="middle">${Number(tick.toPrecision(6))}</text>`);
  }
  for (const tick of ticks(1, maxEpoch).filter((t) => Number.isInteger(t))) {
    parts.push(`<text x="${fixed(x(tick))}" y="${MARGIN.top + plotH + 16}" text-anchor="middle">${tick}</text>`);
  }
  parts.push(
    `<line x1="${MARGIN.left}" x2="${WIDTH - MARGIN.right}" y1="${MARGIN.top + plotH}" y2="${MARGIN.top + plotH}" stroke="#333"/>`,
    `<text x="${MARGIN.left + plotW / 2}" y="${MARGIN.top + plotH + 34}" text-anchor="middle">epoch</text>`,
    `<text transform="translate(14 ${MARGIN.top + plotH / 2}) rotate(-90)" text-anchor="middle">${escapeXml(figure.yLabel)}</text>`,
  );
  figure.curves.forEach((curve, index) => {
    const colour = SERIES_COLOURS[index % SERIES_COLOURS.length];
    if (curve.points.length === 0) return;
    const band = [...curve.points.map((p) => `${fixed(x(p.epoch))},${fixed(y(p.max))}`), ...[...curve.points].reverse().map((p) => `${fixed(x(p.epoch))},${fixed(y(p.min))}`)];
    parts.push(
      `<polygon points="${band.join(' ')}" fill="${colour}" fill-opacity="0.18" stroke="none"/>`,
      `<polyline points="${curve.points.map((p) => `${fixed(x(p.epoch))},${fixed(y(p.mean))}`).join(' ')}" fill="none" stroke="${colour}" stroke-width="2"/>`,
      ...curve.points.map((p) => `<circle cx="${fixed(x(p.epoch))}" cy="${fixed(y(p.mean))}" r="2.5" fill="${colour}"/>`),
    );
    const legendX = MARGIN.left + (index % 3) * (plotW / 3);
    const legendY = HEIGHT - 18 + (Math.floor(index / 3) - Math.floor((figure.curves.length - 1) / 3)) * 14;
    parts.push(`<rect x="${fixed(legendX)}" y="${legendY - 8}" width="12" height="8" fill="${colour}"/>`, `<text x="${fixed(legendX + 16)}" y="${legendY}">${escapeXml(curve.variant)}</text>`);
  });
  parts.push('</svg>');
  return parts.join('\n') + '\n';
}
