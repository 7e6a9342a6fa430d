import { memo, useMemo } from 'react';
import type { Severity } from '../../../app/analysis/types';
import { formatBytes, formatCount, formatExact, formatShape } from '../../format/quantities';
import { useEditor } from '../../hooks/useEditor';
import { useWorkProgress } from '../../hooks/useWorkProgress';
import { workProgressText } from '../../store/runText';
import { groupDiagnostics, type DiagnosticGroup } from '../../store/groupDiagnostics';
import { ExportNotice } from '../ExportNotice/ExportNotice';
import './StatusBar.css';

/** `2 errors (15 places)`: distinct problems, and where they occur when that is more. */
function countText(groups: readonly DiagnosticGroup[], severity: Severity): string {
  const mine = groups.filter((g) => g.first.severity === severity);
  const places = mine.reduce((sum, g) => sum + g.count, 0);
  const noun = `${severity}${mine.length === 1 ? '' : 's'}`;
  return places > mine.length ? `${mine.length} ${noun} (${places} places)` : `${mine.length} ${noun}`;
}

/** Network totals and problem counts for the whole design; work in progress, notices and the last export's outcome. */
function StatusBarView() {
  const totals = useEditor((s) => s.analysis.totals);
  const output = useEditor((s) => s.analysis.output);
  const diagnostics = useEditor((s) => s.analysis.diagnostics);
  const notice = useEditor((s) => s.notice);
  const resize = useEditor((s) => s.ui.classifierResize);
  const work = useWorkProgress();
  const groups = useMemo(() => groupDiagnostics(diagnostics), [diagnostics]);
  const errors = countText(groups, 'error');
  const warnings = countText(groups, 'warning');
  return (
    <footer className="status-bar" aria-label="Status bar">
      <span aria-label="Total parameters" title={`${formatExact(totals.total)} parameters`}>
        Params <strong>{formatExact(totals.total)}</strong>
      </span>
      <span aria-label="Trainable parameters">trainable {formatCount(totals.trainable)}</span>
      <span aria-label="Non-trainable parameters">non-trainable {formatCount(totals.nonTrainable)}</span>
      <span aria-label="Multiply-accumulates" title={`${formatExact(totals.macs)} MACs`}>
        MACs <strong>{formatCount(totals.macs)}</strong>
      </span>
      <span aria-label="Activation memory">activations {formatBytes(totals.activationBytes)}/image</span>
      <span aria-label="Output shape">output {formatShape(output)}</span>
      <span aria-label="Error count" className={errors.startsWith('0 ') ? undefined : 'status-bar__errors'}>
        {errors}
      </span>
      <span aria-label="Warning count" className={warnings.startsWith('0 ') ? undefined : 'status-bar__warnings'}>
        {warnings}
      </span>
      {work ? (
        <span className="status-bar__work" role="progressbar" aria-label="Work in progress" aria-valuemin={0} aria-valuemax={work.total} aria-valuenow={work.done} aria-valuetext={workProgressText(work)}>
          {workProgressText(work)}
        </span>
      ) : null}
      {resize ? (
        <span className="status-bar__resize" aria-label="Classifier resize">
          classifier {resize.node}: {resize.from} → {resize.to} classes for the dataset? Accept or cancel in Train
        </span>
      ) : null}
      {notice ? (
        <span className="status-bar__notice" role="status">
          {notice}
        </span>
      ) : null}
      <ExportNotice />
    </footer>
  );
}

export const StatusBar = memo(StatusBarView);
