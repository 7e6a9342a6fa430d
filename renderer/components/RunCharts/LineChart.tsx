import { memo, useEffect, useRef, useState } from 'react';
import { downsampleMinMax, type ChartPoint } from '../../../app/training/downsample';
import { exportChartPng } from '../../export/exportImage';
import { useEditorContext } from '../../hooks/useEditorContext';
import { boundsOf, formatTick, niceTicks, type Bounds } from './chartScale';

export interface ChartLine {
  label: string;
  /** A CSS colour or `var(--name)`. */
  color: string;
  points: readonly ChartPoint[];
  dashed?: boolean;
  /** Per-epoch values: drawn with dots as well. */
  markers?: boolean;
}

interface LineChartProps {
  title: string;
  lines: readonly ChartLine[];
  xLabel: string;
  /** Fixed y range (accuracy: 0…1); otherwise fitted to the data. */
  yRange?: readonly [number, number];
  /** How the latest values read in the accessible description. */
  format?: (value: number) => string;
  height?: number;
}

const PAD = { left: 42, right: 10, top: 8, bottom: 30 };

/** Resolves `var(--x)` against the element, so the chart follows the light/dark theme. */
function resolveColor(element: HTMLElement, color: string): string {
  const name = /^var\((--[\w-]+)\)$/.exec(color)?.[1];
  return name ? getComputedStyle(element).getPropertyValue(name).trim() || '#888' : color;
}

function draw(canvas: HTMLCanvasElement, lines: readonly ChartLine[], bounds: Bounds | null, xLabel: string): void {
  const ratio = window.devicePixelRatio || 1;
  const width = canvas.clientWidth;
  const height = canvas.clientHeight;
  canvas.width = Math.round(width * ratio);
  canvas.height = Math.round(height * ratio);
  const context = canvas.getContext('2d');
  if (!context) return;
  context.setTransform(ratio, 0, 0, ratio, 0, 0);
  context.clearRect(0, 0, width, height);
  const muted = resolveColor(canvas, 'var(--muted)');
  const grid = resolveColor(canvas, 'var(--border)');
  context.font = '10px system-ui, sans-serif';
  context.fillStyle = muted;
  if (!bounds) {
    context.fillText('No data yet', PAD.left, height / 2);
    return;
  }
  const plotWidth = Math.max(1, width - PAD.left - PAD.right);
  const plotHeight = Math.max(1, height - PAD.top - PAD.bottom);
  const sx = (x: number) => PAD.left + ((x - bounds.xMin) / (bounds.xMax - bounds.xMin)) * plotWidth;
  const sy = (y: number) => PAD.top + (1 - (y - bounds.yMin) / (bounds.yMax - bounds.yMin)) * plotHeight;

  context.strokeStyle = grid;
  context.lineWidth = 1;
  context.textAlign = 'right';
  context.textBaseline = 'middle';
  for (const tick of niceTicks(bounds.yMin, bounds.yMax, 4)) {
    context.beginPath();
    context.moveTo(PAD.left, sy(tick));
    context.lineTo(width - PAD.right, sy(tick));
    context.stroke();
    context.fillText(formatTick(tick), PAD.left - 4, sy(tick));
  }
  context.textAlign = 'center';
  context.textBaseline = 'top';
  for (const tick of niceTicks(bounds.xMin, bounds.xMax, 5)) context.fillText(formatTick(tick), sx(tick), height - PAD.bottom + 4);
  context.textAlign = 'right';
  context.fillText(xLabel, width - PAD.right, height - 12);

  // About two points per pixel column is all a line can show.
  const buckets = Math.max(16, Math.round(plotWidth));
  for (const line of lines) {
    const points = downsampleMinMax(line.points, buckets);
    const color = resolveColor(canvas, line.color);
    context.strokeStyle = color;
    context.fillStyle = color;
    context.lineWidth = 1.5;
    context.setLineDash(line.dashed ? [4, 3] : []);
    context.beginPath();
    points.forEach((point, index) => (index === 0 ? context.moveTo(sx(point.x), sy(point.y)) : context.lineTo(sx(point.x), sy(point.y))));
    context.stroke();
    if (line.markers || points.length === 1) {
      for (const point of points) {
        context.beginPath();
        context.arc(sx(point.x), sy(point.y), 2.5, 0, 2 * Math.PI);
        context.fill();
      }
    }
  }
  context.setLineDash([]);
}

function describeLatest(title: string, lines: readonly ChartLine[], format: (value: number) => string): string {
  const latest = lines.filter((line) => line.points.length > 0).map((line) => `${line.label} ${format(line.points[line.points.length - 1].y)}`);
  return latest.length > 0 ? `${title}: ${latest.join(', ')}` : `${title}: no data yet`;
}

/** A line chart drawn on a canvas; redrawn on data, size and theme changes. */
function LineChartView({ title, lines, xLabel, yRange, format = formatTick, height = 150 }: LineChartProps) {
  const { host } = useEditorContext();
  const canvas = useRef<HTMLCanvasElement>(null);
  const [size, setSize] = useState(0);
  const [theme, setTheme] = useState(0);

  useEffect(() => {
    const element = canvas.current;
    if (!element) return;
    const observer = new ResizeObserver(() => setSize(element.clientWidth));
    observer.observe(element);
    const scheme = window.matchMedia('(prefers-color-scheme: dark)');
    const onScheme = () => setTheme((n) => n + 1);
    scheme.addEventListener('change', onScheme);
    return () => {
      observer.disconnect();
      scheme.removeEventListener('change', onScheme);
    };
  }, []);

  useEffect(() => {
    const element = canvas.current;
    if (!element) return;
    const frame = requestAnimationFrame(() => draw(element, lines, boundsOf(lines.map((line) => line.points), yRange), xLabel));
    return () => cancelAnimationFrame(frame);
  }, [lines, yRange, xLabel, size, theme]);

  return (
    <figure className="line-chart">
      <figcaption className="line-chart__title">
        {title}
        <span className="line-chart__legend">
          {lines.map((line) => (
            <span key={line.label} className="line-chart__key">
              <span className={line.dashed ? 'line-chart__swatch line-chart__swatch--dashed' : 'line-chart__swatch'} style={{ borderColor: line.color }} />
              {line.label}
            </span>
          ))}
        </span>
        <button type="button" className="line-chart__save" aria-label={`Save the ${title} chart as PNG`} onClick={() => canvas.current && void exportChartPng(host, canvas.current, title.toLowerCase().replace(/\W+/g, '-'))}>
          PNG
        </button>
      </figcaption>
      <canvas ref={canvas} className="line-chart__canvas" style={{ height }} role="img" aria-label={describeLatest(title, lines, format)} data-chart={title} />
    </figure>
  );
}

export const LineChart = memo(LineChartView);
