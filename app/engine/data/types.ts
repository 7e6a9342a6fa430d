/** A scanned dataset: its report, its labelled samples, and how to open one for decoding. */

import type { Sharp } from 'sharp';
import type { ProgressCallback } from '../../training/progress';
import type { ScanReport } from '../../training/types';

export interface LabeledSample {
  /** A file path, or `fashion-mnist#N` for the bundled sample. */
  id: string;
  label: number;
}

export interface Dataset {
  report: ScanReport;
  classNames: readonly string[];
  samples: readonly LabeledSample[];
  /** A sharp pipeline over the sample's encoded or raw pixels, not yet decoded. */
  open(sample: LabeledSample): Sharp;
}

/** How a dataset is scanned. */
export interface ScanOptions {
  /**
   * Real folders the dataset must lie in, the manifest's rows included (a host's roots); absent
   * on the command line, where the user's own permissions are the limit.
   */
  roots?: readonly string[];
  /** Hears each file's header check. */
  onProgress?: ProgressCallback;
}

/** Thrown for a dataset that cannot be used at all (missing, empty, malformed manifest). */
export class DatasetError extends Error {
  override name = 'DatasetError';
}
