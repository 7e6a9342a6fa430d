/** Builds the dataset scan report a user sees before training: counts, problems, warnings. */

import type { DatasetProblem, ScanReport } from './types';

export interface ScanFindings {
  root: string;
  kind: ScanReport['kind'];
  classNames: readonly string[];
  /** Images per class, in `classNames` order. */
  counts: readonly number[];
  unreadable: readonly DatasetProblem[];
  smallerThanInput: readonly DatasetProblem[];
  inputSize: number;
  /** How many images `smallerThanInput` stands for, when one entry covers a whole set. */
  smallerCount?: number;
}

/** Largest class count over the smallest above which a warning is given. */
const imbalanceWarningRatio = 2;

const listed = (problems: readonly DatasetProblem[], limit = 5): string =>
  problems.slice(0, limit).map((p) => p.file).join(', ') + (problems.length > limit ? `, and ${problems.length - limit} more` : '');

export function buildScanReport(findings: ScanFindings): ScanReport {
  const classes = findings.classNames.map((name, i) => ({ name, count: findings.counts[i] ?? 0 }));
  const total = classes.reduce((sum, c) => sum + c.count, 0);
  const nonEmpty = classes.filter((c) => c.count > 0).map((c) => c.count);
  const imbalance = nonEmpty.length === 0 ? 1 : Math.max(...nonEmpty) / Math.min(...nonEmpty);
  const warnings: string[] = [];
  if (classes.length < 2) warnings.push(`Found ${classes.length} class${classes.length === 1 ? '' : 'es'} in ${findings.root}; training needs at least 2.`);
  for (const empty of classes.filter((c) => c.count === 0)) warnings.push(`Class '${empty.name}' has no readable images.`);
  if (findings.unreadable.length > 0) {
    warnings.push(`Skipping ${findings.unreadable.length} unreadable file${findings.unreadable.length === 1 ? '' : 's'}: ${listed(findings.unreadable)}.`);
  }
  const smaller = findings.smallerCount ?? findings.smallerThanInput.length;
  if (smaller > 0) {
    warnings.push(`${smaller} image${smaller === 1 ? ' is' : 's are'} smaller than the ${findings.inputSize}×${findings.inputSize} input and will be upscaled: ${listed(findings.smallerThanInput)}.`);
  }
  if (imbalance > imbalanceWarningRatio) {
    const largest = classes.reduce((a, b) => (b.count > a.count ? b : a));
    const smallest = classes.filter((c) => c.count > 0).reduce((a, b) => (b.count < a.count ? b : a));
    warnings.push(`Classes are imbalanced ${imbalance.toFixed(1)}:1 ('${largest.name}' ${largest.count} vs '${smallest.name}' ${smallest.count}).`);
  }
  return { root: findings.root, kind: findings.kind, classes, total, unreadable: findings.unreadable, smallerThanInput: findings.smallerThanInput, imbalance, warnings };
}
