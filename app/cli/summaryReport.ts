/** What `summary` and `validate` print: a stage table, totals and diagnostics, as text or JSON. */

import type { Analysis, Diagnostic } from '../analysis/types';
import { getNodeType } from '../design/nodeTypes';
import type { DesignDocument } from '../design/types';
import type { Shape } from '../layers/types';
import { formatShape } from '../layers/shapeText';

export interface StageSummary {
  id: string;
  type: string;
  label: string;
  output: Shape | null;
  /** Trainable + non-trainable. */
  params: number;
  trainable: number;
  macs: number;
}

export interface DesignSummary {
  name: string;
  input: Shape;
  output: Shape | null;
  params: { trainable: number; nonTrainable: number; total: number };
  macs: number;
  activationBytes: number;
  stages: StageSummary[];
  diagnostics: readonly Diagnostic[];
}

export function summarize(document: DesignDocument, analysis: Analysis): DesignSummary {
  const byId = new Map(document.nodes.map((node) => [node.id, node]));
  const stages = analysis.order.map((id): StageSummary => {
    const node = analysis.nodes[id];
    const type = byId.get(id)?.type ?? '?';
    const cost = node?.cost ?? { trainable: 0, nonTrainable: 0, macs: 0 };
    return {
      id,
      type,
      label: byId.get(id)?.label ?? getNodeType(type)?.info.label ?? type,
      output: node?.output ?? null,
      params: cost.trainable + cost.nonTrainable,
      trainable: cost.trainable,
      macs: cost.macs,
    };
  });
  const { totals } = analysis;
  return {
    name: document.name,
    input: [document.input.height, document.input.width, document.input.channels],
    output: analysis.output ?? null,
    params: { trainable: totals.trainable, nonTrainable: totals.nonTrainable, total: totals.total },
    macs: totals.macs,
    activationBytes: totals.activationBytes,
    stages,
    diagnostics: analysis.diagnostics,
  };
}

/** `12,345,678` */
export function formatCount(n: number): string {
  return String(n).replace(/\B(?=(\d{3})+(?!\d))/g, ',');
}

/** `12.25 G`, `331.8 M`, `0` */
export function formatMacs(n: number): string {
  if (n >= 1e9) return `${(n / 1e9).toFixed(2)} G`;
  if (n >= 1e6) return `${(n / 1e6).toFixed(1)} M`;
  if (n >= 1e3) return `${(n / 1e3).toFixed(1)} K`;
  return String(n);
}

/** Columns padded to their widest cell, a dashed rule under the header. */
export function table(header: readonly string[], rows: readonly string[][], rightAligned: ReadonlySet<number>): string[] {
  const widths = header.map((title, column) => Math.max(title.length, ...rows.map((row) => row[column].length)));
  const line = (cells: readonly string[]): string =>
    cells.map((cell, column) => (rightAligned.has(column) ? cell.padStart(widths[column]) : cell.padEnd(widths[column]))).join('  ').trimEnd();
  return [line(header), widths.map((width) => '-'.repeat(width)).join('  '), ...rows.map(line)];
}

export function formatDiagnostic(diagnostic: Pick<Diagnostic, 'severity' | 'code' | 'message' | 'hint'>): string {
  return `${diagnostic.severity} ${diagnostic.code}: ${diagnostic.message}\n    hint: ${diagnostic.hint}`;
}

export function diagnosticCounts(diagnostics: readonly Pick<Diagnostic, 'severity'>[]): string {
  const count = (severity: string): number => diagnostics.filter((d) => d.severity === severity).length;
  const plural = (n: number, word: string): string => `${n} ${word}${n === 1 ? '' : 's'}`;
  return `${plural(count('error'), 'error')}, ${plural(count('warning'), 'warning')}`;
}

/** The summary around a table: the title line, then the table, totals and any diagnostics. */
export function formatReport(summary: DesignSummary, tableLines: readonly string[]): string {
  const { params } = summary;
  const lines = [
    `${summary.name}: input ${formatShape(summary.input)} → output ${summary.output ? formatShape(summary.output) : '?'}`,
    '',
    ...tableLines,
    '',
    `Params:      ${formatCount(params.total)} (trainable ${formatCount(params.trainable)}, non-trainable ${formatCount(params.nonTrainable)})`,
    `MACs:        ${formatMacs(summary.macs)} (${formatCount(summary.macs)}) per image`,
    `Activations: ${(summary.activationBytes / 2 ** 20).toFixed(1)} MiB per image (float32, forward)`,
  ];
  if (summary.diagnostics.length > 0) {
    lines.push('', `Diagnostics: ${diagnosticCounts(summary.diagnostics)}`, ...summary.diagnostics.map(formatDiagnostic));
  }
  return `${lines.join('\n')}\n`;
}

export function formatSummary(summary: DesignSummary): string {
  const rows = summary.stages.map((stage) => [
    stage.id,
    stage.label,
    stage.output ? formatShape(stage.output) : '?',
    formatCount(stage.params),
    formatMacs(stage.macs),
  ]);
  return formatReport(summary, table(['Stage', 'Block', 'Output', 'Params', 'MACs'], rows, new Set([3, 4])));
}
