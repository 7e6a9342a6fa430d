import { describe, expect, it } from 'vitest';
import { analyze } from '../analysis/analyze';
import { chain } from '../analysis/testing/designs';
import { getBlockTemplate } from './library';

/**
 * Parameter counts counted by hand from the paper's figures, never from the code: a branch or a
 * width that goes missing keeps every shape (the linear 1×1 restores the channels) and shows
 * only here. A conv with BN and learned γ holds k·k·Cin·Cout weights + 2·Cout trainable
 * (γ, β) + 2·Cout moving statistics; the linear 1×1 holds Cin·Cout weights + Cout bias.
 */
const convBn = (kh: number, kw: number, cin: number, cout: number): number => kh * kw * cin * cout + 2 * cout;
const linear = (cin: number, cout: number): number => cin * cout + cout;

function blockCost(type: string, input: readonly [number, number, number]) {
  const analysis = analyze(chain([['blk', type, {}]], input));
  expect(analysis.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
  return analysis.nodes.blk.cost;
}

describe('residual block parameters, from the figures', () => {
  it.each([
    // Fig 10: 32 | 32 → 3×3 32 | 32 → 3×3 32 → 3×3 32, concat 96 → 256.
    ['inceptionResnetAV1', [35, 35, 256], 3 * convBn(1, 1, 256, 32) + 3 * convBn(3, 3, 32, 32) + linear(96, 256), 6 * 2 * 32],
    // Fig 16: 32 | 32 → 3×3 32 | 32 → 3×3 48 → 3×3 64, concat 128 → 384.
    ['inceptionResnetAV2', [35, 35, 384], 3 * convBn(1, 1, 384, 32) + convBn(3, 3, 32, 32) + convBn(3, 3, 32, 48) + convBn(3, 3, 48, 64) + linear(128, 384), 2 * (4 * 32 + 48 + 64)],
    // Fig 11: 128 | 128 → 1×7 128 → 7×1 128, concat 256 → 896.
    ['inceptionResnetBV1', [17, 17, 896], 2 * convBn(1, 1, 896, 128) + convBn(1, 7, 128, 128) + convBn(7, 1, 128, 128) + linear(256, 896), 4 * 2 * 128],
    // Fig 17: 192 | 128 → 1×7 160 → 7×1 192, concat 384 → 1152.
    ['inceptionResnetBV2', [17, 17, 1152], convBn(1, 1, 1152, 192) + convBn(1, 1, 1152, 128) + convBn(1, 7, 128, 160) + convBn(7, 1, 160, 192) + linear(384, 1152), 2 * (192 + 128 + 160 + 192)],
    // Fig 13: 192 | 192 → 1×3 192 → 3×1 192, concat 384 → 1792.
    ['inceptionResnetCV1', [8, 8, 1792], 2 * convBn(1, 1, 1792, 192) + convBn(1, 3, 192, 192) + convBn(3, 1, 192, 192) + linear(384, 1792), 4 * 2 * 192],
    // Fig 19: 192 | 192 → 1×3 224 → 3×1 256, concat 448 → 2144.
    ['inceptionResnetCV2', [8, 8, 2144], 2 * convBn(1, 1, 2144, 192) + convBn(1, 3, 192, 224) + convBn(3, 1, 224, 256) + linear(448, 2144), 2 * (2 * 192 + 224 + 256)],
  ] as const)('%s on %j', (type, input, trainable, nonTrainable) => {
    expect(blockCost(type, input)).toMatchObject({ trainable, nonTrainable });
  });

  it('counts TF-slim’s Block35, Block17 and Block8 with the v2 branches and BN without γ', () => {
    const convB = (kh: number, kw: number, cin: number, cout: number): number => kh * kw * cin * cout + cout;
    expect(blockCost('block35', [35, 35, 320]).trainable).toBe(3 * convB(1, 1, 320, 32) + convB(3, 3, 32, 32) + convB(3, 3, 32, 48) + convB(3, 3, 48, 64) + linear(128, 320));
    expect(blockCost('block17', [17, 17, 1088]).trainable).toBe(convB(1, 1, 1088, 192) + convB(1, 1, 1088, 128) + convB(1, 7, 128, 160) + convB(7, 1, 160, 192) + linear(384, 1088));
    expect(blockCost('block8', [8, 8, 2080]).trainable).toBe(2 * convB(1, 1, 2080, 192) + convB(1, 3, 192, 224) + convB(3, 1, 224, 256) + linear(448, 2080));
  });
});

describe('the stem’s opening, from Fig 3', () => {
  it('goes 299 → 149 → 147 → 147: only the second convolution is VALID', () => {
    // SAME there would give 149 → 149 and still end at 35×35 (74 → 72 → 35): only the grids show it.
    const analysis = analyze(chain([['blk', 'stemV4', {}]], [299, 299, 3]));
    const grid = (suffix: string) => analysis.layers[analysis.nodes.blk.layers.find((id) => id.endsWith(suffix)) ?? '']?.output?.slice(0, 2);
    expect([grid('/conv1'), grid('/conv2'), grid('/conv3')]).toEqual([[149, 149], [147, 147], [147, 147]]);
  });
});

describe('where the defaults come from', () => {
  it('cites the scale defaults’ sources in every residual block, and TF-slim’s file in its blocks', () => {
    for (const type of ['inceptionResnetAV1', 'inceptionResnetAV2', 'inceptionResnetBV1', 'inceptionResnetBV2', 'inceptionResnetCV1', 'inceptionResnetCV2']) {
      expect(getBlockTemplate(type)?.source, type).toContain('scale default 0.17 / 0.10 / 0.20 from TF-slim and facenet; the paper gives 0.1-0.3 (D14)');
    }
    for (const type of ['stemTfslim', 'mixed5b', 'block35', 'block17', 'block8', 'conv7b']) expect(getBlockTemplate(type)?.source, type).toContain('TF-slim inception_resnet_v2.py');
  });
});
