import { memo, useMemo } from 'react';
import type { Series } from '../../store/runSeries';
import { seriesPoints } from '../../store/runSeries';
import type { RunView } from '../../store/runEvents';
import { LineChart, type ChartLine } from './LineChart';
import './RunCharts.css';

interface RunChartsProps {
  run: RunView;
}

const percent = (value: number): string => `${(value * 100).toFixed(1)}%`;
const ACCURACY: readonly [number, number] = [0, 1];

/** Per-epoch points sit at the step where the epoch ended, so both share the step axis. */
function atEpochEnds(series: Series, stepsPerEpoch: number) {
  return seriesPoints(series).map((point) => ({ x: point.x * stepsPerEpoch, y: point.y }));
}

/** Live charts of one run: loss, top-1/top-5 (train per step and per epoch, validation per epoch), learning rate, throughput. */
function RunChartsView({ run }: RunChartsProps) {
  const { series, stepsPerEpoch } = run;
  const epochScale = Math.max(1, stepsPerEpoch);
  const loss = useMemo<ChartLine[]>(
    () => [
      { label: 'train (step)', color: 'var(--chart-1)', points: seriesPoints(series.loss) },
      { label: 'train (epoch)', color: 'var(--chart-2)', points: atEpochEnds(series.trainLoss, epochScale), markers: true },
      { label: 'validation', color: 'var(--chart-3)', points: atEpochEnds(series.valLoss, epochScale), markers: true, dashed: true },
    ],
    [series.loss, series.trainLoss, series.valLoss, epochScale],
  );
  const accuracy = useMemo<ChartLine[]>(
    () => [
      { label: 'top-1 train', color: 'var(--chart-1)', points: seriesPoints(series.top1) },
      { label: 'top-5 train', color: 'var(--chart-4)', points: seriesPoints(series.top5) },
      { label: 'top-1 train (epoch)', color: 'var(--chart-2)', points: atEpochEnds(series.trainTop1, epochScale), markers: true },
      { label: 'top-5 train (epoch)', color: 'var(--chart-4)', points: atEpochEnds(series.trainTop5, epochScale), markers: true },
      { label: 'top-1 validation', color: 'var(--chart-3)', points: atEpochEnds(series.valTop1, epochScale), markers: true, dashed: true },
      { label: 'top-5 validation', color: 'var(--chart-5)', points: atEpochEnds(series.valTop5, epochScale), markers: true, dashed: true },
    ],
    [series.top1, series.top5, series.trainTop1, series.trainTop5, series.valTop1, series.valTop5, epochScale],
  );
  const rate = useMemo<ChartLine[]>(() => [{ label: 'learning rate', color: 'var(--chart-2)', points: seriesPoints(series.lr) }], [series.lr]);
  const speed = useMemo<ChartLine[]>(() => [{ label: 'images/s', color: 'var(--chart-4)', points: seriesPoints(series.imagesPerSecond) }], [series.imagesPerSecond]);

  return (
    <section className="run-charts" aria-label="Training charts">
      <LineChart title="Loss" lines={loss} xLabel="step" />
      <LineChart title="Accuracy" lines={accuracy} xLabel="step" yRange={ACCURACY} format={percent} />
      <LineChart title="Learning rate" lines={rate} xLabel="step" height={100} />
      <LineChart title="Throughput (images/s)" lines={speed} xLabel="step" height={100} format={(v) => v.toFixed(1)} />
    </section>
  );
}

export const RunCharts = memo(RunChartsView);
