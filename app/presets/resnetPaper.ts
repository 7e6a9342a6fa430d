/** The paper's Inception-ResNet schema (Fig 15): stem → A × n → Reduction-A → B × n → Reduction-B → C × n → head. */

import type { DesignDocument } from '../design/types';
import { DesignChain, settingsNotes } from './designChain';
import type { PresetDefinition, PresetSettings, StageTriple } from './types';

/** Residual scales of the A, B and C blocks in TF-slim and facenet (the paper gives 0.1-0.3). */
export const RESIDUAL_SCALES: StageTriple = [0.17, 0.1, 0.2];

/** The settings every paper Inception-ResNet preset starts from (Fig 15: 5 / 10 / 5 blocks). */
export const RESNET_PAPER_DEFAULTS: PresetDefinition['defaults'] = { bnGamma: true, dropout: 0.2, repeats: [5, 10, 5], scales: RESIDUAL_SCALES };

export interface ResnetPaperSpec {
  name: string;
  stem: string;
  blocks: { a: string; b: string; c: string };
  /** Reduction-A k, l, m, n (Table 1), before the width multiplier. */
  reductionA: readonly [number, number, number, number];
  reductionB: string;
  /** Linear 1×1 widths that are taken as printed instead of matching the input (the as-printed IR-v2). */
  printedChannels?: { b?: number; c?: number };
  notes: readonly string[];
}

export function buildResnetPaper(spec: ResnetPaperSpec, settings: PresetSettings): DesignDocument {
  const chain = new DesignChain(settings);
  const [scaleA, scaleB, scaleC] = settings.scales ?? RESIDUAL_SCALES;
  const [repeatA, repeatB, repeatC] = settings.repeats;
  const [k, l, m, n] = spec.reductionA.map((filters) => chain.scaled(filters));
  const printed = spec.printedChannels ?? {};
  chain.block('stem', spec.stem);
  chain.repeat('a', repeatA, spec.blocks.a, () => ({ channels: chain.channels, scale: scaleA }));
  chain.block('redA', 'reductionA', { k, l, m, n });
  const channelsB = printed.b === undefined ? chain.channels : chain.scaled(printed.b);
  chain.repeat('b', repeatB, spec.blocks.b, () => ({ channels: channelsB, scale: scaleB }));
  chain.block('redB', spec.reductionB);
  const channelsC = printed.c === undefined ? chain.channels : chain.scaled(printed.c);
  chain.repeat('c', repeatC, spec.blocks.c, () => ({ channels: channelsC, scale: scaleC }));
  return chain.head().document(spec.name, [...spec.notes, ...settingsNotes(settings)]);
}

/** The residual scales: the paper gives only a range. */
export const SCALES_NOTE =
  'Residual scales 0.17 / 0.10 / 0.20 (A / B / C) follow TF-slim and facenet; the paper only says 0.1-0.3 (Sec 3.3).';

export const PAPER_HEAD_NOTE = 'Head as Figs 9 and 15: global average pool, dropout (keep 0.8), fully connected, softmax.';
