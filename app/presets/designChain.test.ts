import { describe, expect, it } from 'vitest';
import { DesignChain, settingsNotes } from './designChain';
import type { PresetSettings } from './types';

const settings = (over: Partial<PresetSettings> = {}): PresetSettings => ({ input: 96, classes: 10, bnGamma: true, dropout: 0.2, width: 1, repeats: [1, 1, 1], ...over });

describe('DesignChain', () => {
  it('lays nodes out one row apart under the input, each fed by the one before on port 0', () => {
    const doc = new DesignChain(settings()).block('stem', 'stemResnetV1').repeat('a', 2, 'inceptionResnetAV1', () => ({})).head().document('t', []);
    expect(doc.nodes.map((node) => [node.id, node.position])).toEqual([
      ['input', { x: 0, y: 0 }],
      ['stem', { x: 0, y: 100 }],
      ['a1', { x: 0, y: 200 }],
      ['a2', { x: 0, y: 300 }],
      ['pool', { x: 0, y: 400 }],
      ['dropout', { x: 0, y: 500 }],
      ['logits', { x: 0, y: 600 }],
      ['softmax', { x: 0, y: 700 }],
    ]);
    expect(doc.edges).toEqual(doc.nodes.slice(1).map((node, index) => ({ source: doc.nodes[index].id, target: node.id, port: 0 })));
  });

  it('makes a square RGB input of the chosen size, and a head of the chosen classes and dropout', () => {
    const doc = new DesignChain(settings({ input: 96, classes: 7, dropout: 0.3 })).head().document('Named', ['a note']);
    expect(doc).toMatchObject({ name: 'Named', input: { height: 96, width: 96, channels: 3 }, notes: ['a note'] });
    expect(doc.nodes.map((node) => [node.type, node.params])).toEqual([
      ['input', {}],
      ['globalAvgPool', {}],
      ['dropout', { rate: 0.3 }],
      ['dense', { units: 7 }],
      ['softmax', {}],
    ]);
  });

  it('stores the width multiplier on a block only when it is not 1, and BN gamma always', () => {
    const at = (width: number, bnGamma: boolean) => new DesignChain(settings({ width, bnGamma })).block('stem', 'stemV4').document('t', []).nodes[1].params;
    expect(at(1, true)).toEqual({ bnGamma: true });
    expect(at(0.5, false)).toEqual({ width: 0.5, bnGamma: false });
  });

  it('follows the channels leaving each block, under the width multiplier', () => {
    const chain = new DesignChain(settings({ width: 0.5 }));
    expect(chain.channels).toBe(3);
    expect(chain.block('stem', 'stemV4').channels).toBe(192); // half of 384
    expect(chain.block('redA', 'reductionA', { k: 96, l: 112, m: 128, n: 192 }).channels).toBe(192 + 192 + 128);
  });

  it('scales a paper width, to at least one', () => {
    expect(new DesignChain(settings({ width: 0.25 })).scaled(1154)).toBe(289);
    expect(new DesignChain(settings({ width: 0.01 })).scaled(32)).toBe(1);
  });

  it('refuses a block type the library does not have', () => {
    expect(() => new DesignChain(settings()).block('x', 'inceptionD')).toThrow("preset uses unknown block type 'inceptionD'");
  });
});

describe('settingsNotes', () => {
  it('records a width multiplier, and nothing at width 1', () => {
    expect(settingsNotes(settings())).toEqual([]);
    expect(settingsNotes(settings({ width: 0.25 }))).toEqual([
      'Width multiplier 0.25: literal filter counts are round(filters × 0.25); Reduction-A k, l, m, n and residual channels are computed to match.',
    ]);
  });
});
