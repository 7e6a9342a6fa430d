import { describe, expect, it } from 'vitest';
import { buildPreset } from '../presets/index';
import { analyze } from './analyze';
import { layerCsv } from './layerCsv';
import { summarizeLayers } from './layerSummary';

describe('layerCsv', () => {
  it('writes a header and one exact line per layer, quoting fields with commas', () => {
    const analysis = analyze(buildPreset('inception-v4', { input: 75, width: 0.25, repeats: [1, 1, 1] }));
    const layers = summarizeLayers(analysis);
    const lines = layerCsv(layers).split('\r\n');
    expect(lines[0]).toBe('layer,node,type,output,params,macs,activation_bytes');
    expect(lines).toHaveLength(layers.length + 2);
    expect(lines.at(-1)).toBe('');
    expect(lines[1]).toBe('input,input,Input,75×75×3,0,0,67500');
    const conv = layers.find((layer) => layer.kind === 'conv2d');
    expect(lines[layers.indexOf(conv as never) + 1]).toMatch(/^stem\/[^,]+,stem,"Conv2D \d+ 3×3\/2 valid, BN, relu",\d+×\d+×\d+,\d+,\d+,\d+$/);
    const params = lines.slice(1, -1).reduce((sum, line) => sum + Number(line.split(/,(?=(?:[^"]*"[^"]*")*[^"]*$)/)[4]), 0);
    expect(params).toBe(analysis.totals.total);
  });
});

describe('layerCsv quoting', () => {
  const row = (id: string, output: number[] | null) => ({ id, node: 'n', kind: 'conv2d' as const, type: 'Conv2D 8 1×1/1 same', output, params: 1, trainable: 1, macs: 2, activationBytes: 3, inputs: [] });

  it('doubles quotes inside a quoted field, keeps line breaks inside it, and leaves an unknown output empty', () => {
    const lines = layerCsv([row('say "hi"', null), row('two\nlines', [2, 3, 4])]);
    expect(lines).toBe('layer,node,type,output,params,macs,activation_bytes\r\n"say ""hi""",n,Conv2D 8 1×1/1 same,,1,2,3\r\n"two\nlines",n,Conv2D 8 1×1/1 same,2×3×4,1,2,3\r\n');
  });
});
