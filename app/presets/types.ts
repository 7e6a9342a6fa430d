/** Presets: the paper architectures as ordinary designs, with a few user-settable knobs. */

import type { DesignDocument } from '../design/types';

export interface PresetInfo {
  /** Command-line name, e.g. `inception-resnet-v2-tfslim`. */
  name: string;
  title: string;
  /** One line: what this variant is and how it differs. */
  note: string;
  /** Where the architecture comes from. */
  reference: string;
}

/** Three values, one per stage: the 35×35 (A), 17×17 (B) and 8×8 (C) blocks. */
export type StageTriple = readonly [number, number, number];

export interface PresetOptions {
  /** Square input size; default 299. */
  input?: number;
  /** Classifier units; default 1000. */
  classes?: number;
  /** Batch norm with a learned scale. */
  bnGamma?: boolean;
  /** Dropout rate before the classifier (0.2 = keep 0.8); 0 leaves the layer out. */
  dropout?: number;
  /** Residual scales of the A, B and C blocks (Inception-ResNet presets only). */
  scales?: StageTriple;
  /** Width multiplier applied to every block. */
  width?: number;
  /** Number of A, B and C blocks. */
  repeats?: StageTriple;
}

/** Every option decided: the preset's defaults overlaid with the user's options. */
export interface PresetSettings {
  input: number;
  classes: number;
  bnGamma: boolean;
  dropout: number;
  width: number;
  repeats: StageTriple;
  /** Absent for presets without residual blocks. */
  scales?: StageTriple;
}

export interface PresetDefinition extends PresetInfo {
  defaults: Omit<PresetSettings, 'input' | 'classes' | 'width'>;
  build(settings: PresetSettings): DesignDocument;
}
