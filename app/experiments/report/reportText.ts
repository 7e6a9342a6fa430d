/** How the report writes its numbers: accuracies as percentages, statistics as mean ± sd, sizes in millions. */

import type { SeedStatistic } from './statistics';

export const percent = (value: number): string => `${(value * 100).toFixed(1)}%`;

/** '42.0% ± 1.3' for accuracies, '0.5123 ± 0.0100' for losses, '—' when no run got there. */
export function statisticText(stat: SeedStatistic | null, kind: 'accuracy' | 'loss' | 'seconds' | 'epochs'): string {
  if (stat === null) return '—';
  const one = (value: number): string => (kind === 'accuracy' ? (value * 100).toFixed(1) : kind === 'loss' ? value.toFixed(4) : kind === 'seconds' ? value.toFixed(0) : value.toFixed(1));
  const unit = kind === 'accuracy' ? '%' : kind === 'seconds' ? ' s' : '';
  return stat.n > 1 ? `${one(stat.mean)}${unit} ± ${one(stat.sd)}` : `${one(stat.mean)}${unit}`;
}

/** 850123 → '0.85 M'. */
export const millions = (value: number | null): string => (value === null ? '—' : `${(value / 1e6).toFixed(2)} M`);

/** A CSV field, quoted when it holds a comma, quote or line break. */
export const csvField = (value: string | number | null): string => {
  const text = value === null ? '' : String(value);
  return /[",\n\r]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
};
