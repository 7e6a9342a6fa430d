/**
 * Builds a preset as a chain of ordinary design nodes, laid out top to bottom, tracking the
 * channel count so residual widths and Reduction-A filters stay consistent under a width
 * multiplier.
 */

import { blockOutputChannels } from '../blocks/channels';
import { getBlockTemplate } from '../blocks/library';
import { resolveParams } from '../design/resolveParams';
import type { DesignDocument, DesignEdge, DesignNode, ParamValues } from '../design/types';
import { DESIGN_FORMAT, DESIGN_VERSION } from '../design/types';
import type { PresetSettings } from './types';

const ROW_HEIGHT = 100;

export class DesignChain {
  private readonly nodes: DesignNode[] = [];
  private readonly edges: DesignEdge[] = [];
  /** Channels leaving the last node. */
  channels: number;

  constructor(private readonly settings: PresetSettings) {
    this.channels = 3;
    this.append('input', 'input', {});
  }

  /** `max(1, round(n · width))`: a paper width under the width multiplier. */
  scaled(n: number): number {
    return Math.max(1, Math.round(n * this.settings.width));
  }

  /** Appends a block with the shared `width` and `bnGamma`, and follows its output width. */
  block(id: string, type: string, params: ParamValues = {}): this {
    const template = getBlockTemplate(type);
    if (!template) throw new Error(`preset uses unknown block type '${type}'`);
    const width: ParamValues = this.settings.width === 1 ? {} : { width: this.settings.width };
    const full: ParamValues = { ...width, bnGamma: this.settings.bnGamma, ...params };
    this.channels = blockOutputChannels(template, resolveParams(template, full).values, this.channels);
    return this.append(id, type, full);
  }

  /** Appends `count` blocks `prefix1…prefixN`; `params(i)` may vary per block (i from 0). */
  repeat(prefix: string, count: number, type: string, params: (index: number) => ParamValues): this {
    for (let index = 0; index < count; index += 1) this.block(`${prefix}${index + 1}`, type, params(index));
    return this;
  }

  /** Global average pool → dropout (when > 0) → dense(classes) → softmax. */
  head(): this {
    this.append('pool', 'globalAvgPool', {});
    if (this.settings.dropout > 0) this.append('dropout', 'dropout', { rate: this.settings.dropout });
    this.append('logits', 'dense', { units: this.settings.classes });
    return this.append('softmax', 'softmax', {});
  }

  document(name: string, notes: readonly string[]): DesignDocument {
    const size = this.settings.input;
    return {
      format: DESIGN_FORMAT,
      version: DESIGN_VERSION,
      name,
      input: { height: size, width: size, channels: 3 },
      nodes: [...this.nodes],
      edges: [...this.edges],
      notes,
    };
  }

  private append(id: string, type: string, params: ParamValues): this {
    const previous = this.nodes[this.nodes.length - 1];
    this.nodes.push({ id, type, params, position: { x: 0, y: this.nodes.length * ROW_HEIGHT } });
    if (previous) this.edges.push({ source: previous.id, target: id, port: 0 });
    return this;
  }
}

/** Notes every preset carries about the options it was built with. */
export function settingsNotes(settings: PresetSettings): string[] {
  const notes: string[] = [];
  if (settings.width !== 1) {
    notes.push(`Width multiplier ${settings.width}: literal filter counts are round(filters × ${settings.width}); Reduction-A k, l, m, n and residual channels are computed to match.`);
  }
  return notes;
}
