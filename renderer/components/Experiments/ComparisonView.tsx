import { memo, useMemo, useState } from 'react';
import { curvesSvg, SERIES_COLOURS } from '../../../app/experiments/report/curvesSvg';
import { runsCsv, summaryCsv } from '../../../app/experiments/report/reportCsv';
import { REPORT_FIGURES } from '../../../app/experiments/report/reportMarkdown';
import { millions, statisticText } from '../../../app/experiments/report/reportText';
import { retarget } from '../../../app/experiments/report/runResult';
import { summarizeVariants, variantCurves } from '../../../app/experiments/report/variantSummary';
import { DEFAULT_TARGET_ACCURACY } from '../../../app/experiments/types';
import type { ExperimentStatus } from '../../../app/protocol';
import { bytesToBase64 } from '../../dom/base64';
import { downloadText } from '../../export/download';
import { fileSafe } from '../../export/exportName';
import { useEditorContext } from '../../hooks/useEditorContext';
import { useExportDelivery } from '../../hooks/useExportDelivery';
import { LineChart, type ChartLine } from '../RunCharts/LineChart';

const percent = (value: number): string => `${(value * 100).toFixed(1)}%`;
const ACCURACY: readonly [number, number] = [0, 1];

/** The curves of all runs overlaid (mean per variant, band over seeds), the table of metrics at a chosen accuracy, exports and the report. */
function ComparisonViewView({ status }: { status: ExperimentStatus }) {
  const { host } = useEditorContext();
  const deliver = useExportDelivery();
  const [targetText, setTargetText] = useState(String(Math.round((status.spec.targetAccuracy ?? DEFAULT_TARGET_ACCURACY) * 1000) / 10));
  const [report, setReport] = useState<{ path: string; markdown: string } | string | null>(null);
  const targetNumber = Number(targetText);
  const targetValid = targetText.trim() !== '' && targetNumber > 0 && targetNumber <= 100;
  const target = targetValid ? targetNumber / 100 : (status.spec.targetAccuracy ?? DEFAULT_TARGET_ACCURACY);
  const results = useMemo(() => retarget(status.results, target), [status.results, target]);
  const summaries = useMemo(() => summarizeVariants(results), [results]);
  const base = fileSafe(status.spec.name.toLowerCase()) || 'experiment';

  const figures = useMemo(
    () =>
      REPORT_FIGURES.slice(0, 2).map((figure) => ({
        figure,
        lines: variantCurves(results, figure.metric).map(
          (curve, index): ChartLine => ({
            label: curve.variant,
            color: SERIES_COLOURS[index % SERIES_COLOURS.length],
            markers: true,
            points: curve.points.map((p) => ({ x: p.epoch, y: p.mean })),
            band: curve.points.map((p) => ({ x: p.epoch, low: p.min, high: p.max })),
          }),
        ),
      })),
    [results],
  );
  const trained = results.filter((result) => result.curve.length > 0).length;

  const exportSvg = () => {
    const { title, yLabel, metric, percent: asPercent } = REPORT_FIGURES[0];
    const svg = curvesSvg({ title, yLabel, percent: asPercent, curves: variantCurves(results, metric) });
    void deliver(() => ({ name: `${base}-top1.svg`, base64: bytesToBase64(new TextEncoder().encode(svg)), type: 'image/svg+xml' }));
  };
  const openReport = () => {
    setReport(null);
    void host.experimentReport({ id: status.id }).then(
      (result) => setReport(result.ok ? result.value : result.error),
      (error: unknown) => setReport(String(error)),
    );
  };

  return (
    <section className="experiment-comparison" aria-label="Comparison">
      <div className="experiment-queue__bar">
        <h3 className="panel-subheading">Comparison</h3>
        <span className="modal__note" aria-label="Runs compared">
          {trained} of {results.length} runs trained an epoch
        </span>
        <label className="experiment-comparison__target">
          Target accuracy (%)
          <input type="text" inputMode="decimal" value={targetText} aria-invalid={!targetValid} onChange={(event) => setTargetText(event.target.value)} />
        </label>
      </div>
      {!targetValid ? (
        <div className="experiment-dialog__error" role="alert">
          Target accuracy: expected a percentage in (0, 100], found {JSON.stringify(targetText)}
        </div>
      ) : null}
      <div className="experiment-comparison__charts">
        {figures.map(({ figure, lines }) => (
          <LineChart key={figure.file} title={figure.title} lines={lines} xLabel="epoch" {...(figure.percent ? { yRange: ACCURACY, format: percent } : {})} />
        ))}
      </div>
      <table className="experiment-table" aria-label="Comparison table">
        <thead>
          <tr>
            <th scope="col">Variant</th>
            <th scope="col">Runs done</th>
            <th scope="col">Params</th>
            <th scope="col">MACs</th>
            <th scope="col">Final top-1</th>
            <th scope="col">Best top-1</th>
            <th scope="col">Final val loss</th>
            <th scope="col">Reached {percent(target)}</th>
            <th scope="col">Epochs to it</th>
            <th scope="col">Time to it</th>
            <th scope="col">Time per epoch</th>
          </tr>
        </thead>
        <tbody>
          {summaries.map((s) => (
            <tr key={s.variantId} data-variant={s.variantId}>
              <th scope="row">{s.variant}</th>
              <td>
                {s.completed}/{s.runs}
              </td>
              <td>{millions(s.params)}</td>
              <td>{millions(s.macs)}</td>
              <td>{statisticText(s.finalTop1, 'accuracy')}</td>
              <td>{statisticText(s.bestTop1, 'accuracy')}</td>
              <td>{statisticText(s.finalLoss, 'loss')}</td>
              <td>
                {s.reached}/{s.completed}
              </td>
              <td>{statisticText(s.epochsToTarget, 'epochs')}</td>
              <td>{statisticText(s.secondsToTarget, 'seconds')}</td>
              <td>{statisticText(s.secondsPerEpoch, 'seconds')}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <p className="modal__note">Mean ± standard deviation over the seeds whose run completed; the charts' PNG buttons save each chart.</p>
      <div className="experiment-comparison__exports">
        <button type="button" className="dialog-button" onClick={exportSvg}>
          Export SVG
        </button>
        <button type="button" className="dialog-button" onClick={() => downloadText(`${base}-summary.csv`, summaryCsv(summaries), 'text/csv')}>
          Summary CSV
        </button>
        <button type="button" className="dialog-button" onClick={() => downloadText(`${base}-runs.csv`, runsCsv(results), 'text/csv')}>
          Runs CSV
        </button>
        <button type="button" className="dialog-button" onClick={openReport}>
          Open report
        </button>
      </div>
      {report === null ? null : typeof report === 'string' ? (
        <div className="experiment-dialog__error" role="alert">
          {report}
        </div>
      ) : (
        <section className="experiment-report" aria-label="Report">
          <div className="experiment-queue__bar">
            <span className="modal__note">{report.path}</span>
            <button type="button" className="dialog-button" onClick={() => downloadText(`${base}-report.md`, report.markdown, 'text/markdown')}>
              Download report.md
            </button>
          </div>
          <pre className="experiment-report__text">{report.markdown}</pre>
        </section>
      )}
    </section>
  );
}

export const ComparisonView = memo(ComparisonViewView);
