/** A dataset of image files (from a folder tree or a CSV manifest) after checking each file. */

import sharp from 'sharp';
import type { ProgressCallback } from '../../training/progress';
import type { ScanReport } from '../../training/types';
import { buildScanReport } from '../../training/scanReport';
import { checkImages } from './imageFiles';
import type { Dataset, LabeledSample } from './types';

export interface FileEntries {
  root: string;
  kind: ScanReport['kind'];
  classNames: readonly string[];
  entries: readonly LabeledSample[];
  inputSize: number;
  /** Findings of the listing itself (ignored files, bad manifest rows). */
  warnings: readonly string[];
}

/** Unreadable files are left out with a warning naming each; the rest become samples. */
export async function assembleFileDataset(listing: FileEntries, onProgress?: ProgressCallback): Promise<Dataset> {
  const checks = await checkImages(listing.entries.map((e) => e.id), listing.inputSize, onProgress);
  const samples: LabeledSample[] = [];
  const counts = listing.classNames.map(() => 0);
  listing.entries.forEach((entry, i) => {
    if (checks[i].unreadable) return;
    samples.push(entry);
    counts[entry.label]++;
  });
  const report = buildScanReport({
    root: listing.root,
    kind: listing.kind,
    classNames: listing.classNames,
    counts,
    unreadable: checks.flatMap((c) => (c.unreadable ? [c.unreadable] : [])),
    smallerThanInput: checks.flatMap((c) => (c.smaller ? [c.smaller] : [])),
    inputSize: listing.inputSize,
  });
  return {
    report: { ...report, warnings: [...listing.warnings, ...report.warnings] },
    classNames: listing.classNames,
    samples,
    open: (sample) => sharp(sample.id, { failOn: 'error' }),
  };
}

/** Sorts class names the way people number them: `class2` before `class10`. */
export function sortClassNames(names: Iterable<string>): string[] {
  return [...names].sort((a, b) => a.localeCompare(b, 'en', { numeric: true }));
}
