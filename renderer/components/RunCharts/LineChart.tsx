import { memo, useEffect, useMemo, useRef, useState } from 'react';
import uPlot from 'uplot';
import 'uplot/dist/uPlot.min.css';
import { cssColor } from '../../dom/cssColor';
import { exportBaseName, fileSafe } from '../../export/exportName';
import { chartImage } from '../../export/exportImage';
import { useEditor } from '../../hooks/useEditor';
import { useExportDelivery } from '../../hooks/useExportDelivery';
import { alignLines, legendEntries, withBands, type AlignedColumns, type ChartLine } from './chartData';
import { isZoomed, zoomPanPlugin } from './chartZoom';

export type { ChartLine } from './chartData';

interface LineChartProps {
  title: string;
  lines: readonly ChartLine[];
  xLabel: string;
  /** Fixed y range (accuracy: 0…1); otherwise fitted to the data in view. */
  yRange?: readonly [number, number];
  /** How values read in the legend, the y axis and the accessible description. */
  format?: (value: number) => string;
  height?: number;
}

const plain = (value: number): string => String(Number(value.toPrecision(4)));

/** A band's fill: its line's colour, faint. */
function translucent(color: string): string {
  const rgb = /^rgba?\(([^)]+)\)$/.exec(color)?.[1]?.split(',').slice(0, 3).join(',');
  if (rgb) return `rgba(${rgb}, 0.18)`;
  const hex = /^#([0-9a-f]{6})$/i.exec(color)?.[1];
  return hex ? `#${hex}2e` : color;
}

function describeLatest(title: string, lines: readonly ChartLine[], format: (value: number) => string): string {
  const latest = lines.filter((line) => line.points.length > 0).map((line) => `${line.label} ${format(line.points[line.points.length - 1].y)}`);
  return latest.length > 0 ? `${title}: ${latest.join(', ')}` : `${title}: no data yet`;
}

interface Hover {
  idx: number;
  idxs: readonly (number | null)[];
}

/**
 * A uPlot line chart: hovering shows every line's value at that step in the legend; drag to
 * zoom the step axis, Shift+drag or the wheel to pan and zoom, double-click to reset; a click
 * on a legend entry hides or shows its line.
 */
function LineChartView({ title, lines, xLabel, yRange, format = plain, height = 150 }: LineChartProps) {
  const holder = useRef<HTMLDivElement>(null);
  const plot = useRef<uPlot | null>(null);
  const drawn = useMemo(() => withBands(lines), [lines]);
  const data = useMemo(() => alignLines(drawn.lines), [drawn]);
  const latestData = useRef<AlignedColumns>(data);
  const [hidden, setHidden] = useState<ReadonlySet<string>>(new Set());
  const hiddenNow = useRef(hidden);
  const [hover, setHover] = useState<Hover | null>(null);
  const [zoomed, setZoomed] = useState(false);
  const [theme, setTheme] = useState(0);
  const deliver = useExportDelivery();
  const baseName = useEditor((s) => exportBaseName(s.file, s.document.name));
  useEffect(() => {
    latestData.current = data;
    hiddenNow.current = hidden;
  });

  // The lines' look (not their points) decides the chart's series: a new look makes a new chart.
  const look = lines.map((line) => [line.label, line.color, line.dashed, line.markers, line.band !== undefined].join('|')).join(';');
  const [yMin, yMax] = yRange ?? [];
  useEffect(() => {
    const element = holder.current;
    if (!element) return;
    const muted = cssColor('var(--muted)', element);
    const grid = cssColor('var(--border)', element);
    const axis = { stroke: muted, grid: { stroke: grid, width: 1 }, ticks: { stroke: grid, width: 1 }, font: '10px system-ui, sans-serif', labelFont: '10px system-ui, sans-serif' };
    const options: uPlot.Options = {
      width: Math.max(200, element.clientWidth),
      height,
      legend: { show: false },
      cursor: { drag: { x: true, y: false, setScale: true }, points: { size: 7 } },
      scales: { x: { time: false }, y: yMin !== undefined && yMax !== undefined ? { range: [yMin, yMax] } : {} },
      axes: [
        { ...axis, label: xLabel, labelSize: 14, size: 30 },
        { ...axis, size: 56, values: (_self, splits) => splits.map((value) => format(value)) },
      ],
      series: [
        { label: xLabel },
        ...lines.map((line) => {
          const color = cssColor(line.color, element);
          return {
            label: line.label,
            stroke: color,
            width: 1.5,
            spanGaps: true,
            show: !hiddenNow.current.has(line.label),
            ...(line.dashed ? { dash: [4, 3] } : {}),
            points: line.markers ? { show: true, size: 5, fill: color, stroke: color } : { show: false },
          };
        }),
        // Band edges: invisible lines the band is filled between.
        ...drawn.lines.slice(lines.length).map((edge) => ({ label: edge.label, stroke: 'transparent', width: 0, spanGaps: true, points: { show: false } })),
      ],
      bands: drawn.bands.map((band) => ({ series: [band.upper + 1, band.lower + 1] as [number, number], fill: translucent(cssColor(band.color, element)) })),
      plugins: [zoomPanPlugin()],
      hooks: {
        setCursor: [(self) => setHover(self.cursor.idx === null || self.cursor.idx === undefined ? null : { idx: self.cursor.idx, idxs: (self.cursor.idxs ?? []).slice(1) })],
        setScale: [(self, key) => key === 'x' && setZoomed(isZoomed(self))],
      },
    };
    const created = new uPlot(options, latestData.current as uPlot.AlignedData, element);
    plot.current = created;
    const resize = new ResizeObserver(() => element.clientWidth > 0 && created.setSize({ width: element.clientWidth, height }));
    resize.observe(element);
    return () => {
      resize.disconnect();
      created.destroy();
      plot.current = null;
    };
    // `lines` and `format` are read through `look` and at creation; their points arrive through setData below.
  }, [look, height, xLabel, yMin, yMax, theme]);

  // New points: redrawn once per frame; a zoomed-in view stays where the user put it.
  useEffect(() => {
    const frame = requestAnimationFrame(() => {
      const current = plot.current;
      if (current) current.setData(data as uPlot.AlignedData, !isZoomed(current));
    });
    return () => cancelAnimationFrame(frame);
  }, [data]);

  useEffect(() => {
    const scheme = window.matchMedia('(prefers-color-scheme: dark)');
    const onScheme = () => setTheme((n) => n + 1);
    scheme.addEventListener('change', onScheme);
    return () => scheme.removeEventListener('change', onScheme);
  }, []);

  const toggle = (index: number, label: string) => {
    const next = new Set(hidden);
    if (next.has(label)) next.delete(label);
    else next.add(label);
    setHidden(next);
    plot.current?.setSeries(index + 1, { show: !next.has(label) });
  };
  const resetZoom = () => {
    const current = plot.current;
    const xs = current?.data[0];
    if (current && xs && xs.length > 1) current.setScale('x', { min: xs[0], max: xs[xs.length - 1] });
  };
  const exportPng = () => {
    const canvas = plot.current?.ctx.canvas;
    if (canvas) void deliver(() => chartImage(canvas, `${baseName}-${fileSafe(title.toLowerCase())}`, lines.filter((line) => !hidden.has(line.label))));
  };

  const entries = legendEntries(lines, data, format, hover);
  const hoveredX = hover ? data[0][hover.idx] : undefined;

  return (
    <figure className="line-chart">
      <figcaption className="line-chart__title">
        {title}
        <span className="line-chart__where" aria-label={`${title} position`}>
          {hoveredX === undefined ? 'latest' : `${xLabel} ${hoveredX.toLocaleString('en-US')}`}
        </span>
        <span className="line-chart__tools">
          {zoomed ? (
            <button type="button" className="line-chart__tool" onClick={resetZoom}>
              Reset zoom
            </button>
          ) : null}
          <button type="button" className="line-chart__tool" aria-label={`Save the ${title} chart as PNG`} onClick={exportPng}>
            PNG
          </button>
        </span>
      </figcaption>
      <div
        ref={holder}
        className="line-chart__plot"
        role="img"
        aria-label={describeLatest(title, lines, format)}
        data-chart={title}
        title="Drag to zoom the steps · Shift+drag or wheel to pan and zoom · double-click to reset"
      />
      <ul className="line-chart__legend" aria-label={`${title} legend`}>
        {lines.map((line, index) => {
          const entry = entries[index];
          const shown = !hidden.has(line.label);
          return (
            <li key={line.label}>
              <button
                type="button"
                className="line-chart__key"
                aria-pressed={shown}
                aria-label={`${line.label} ${entry.text}${entry.at === null ? '' : ` at ${xLabel} ${entry.at}`}`}
                title={shown ? 'Hide this line' : 'Show this line'}
                onClick={() => toggle(index, line.label)}
              >
                <span className={line.dashed ? 'line-chart__swatch line-chart__swatch--dashed' : 'line-chart__swatch'} style={{ borderColor: line.color }} />
                <span className="line-chart__label">{line.label}</span>
                <span className="line-chart__value">{entry.text}</span>
                {entry.at === null ? null : (
                  <span className="line-chart__at">
                    ({xLabel} {entry.at})
                  </span>
                )}
              </button>
            </li>
          );
        })}
      </ul>
    </figure>
  );
}

export const LineChart = memo(LineChartView);
