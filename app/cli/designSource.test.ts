import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { serializeDesign } from '../design/document';
import { buildPreset } from '../presets/index';
import { loadDesignFromArgs, loadDesignSource } from './designSource';
import { useTempDir } from '../node/testing/tempDir';

const dir = useTempDir('design-source');

describe('loadDesignSource', () => {
  it('builds presets with options', async () => {
    const loaded = await loadDesignSource('preset:inception-v4', { cwd: dir(), classes: 5, params: ['repeats=1,1,1'] });
    expect(loaded).toEqual({ ok: true, value: { document: buildPreset('inception-v4', { classes: 5, repeats: [1, 1, 1] }), origin: 'preset', source: 'inception-v4' } });
  });

  it('reads files relative to cwd and sets the classifier units of every final dense layer', async () => {
    const doc = buildPreset('inception-v4', { repeats: [0, 0, 0] });
    await writeFile(join(dir(), 'd.incept.json'), serializeDesign(doc));
    const loaded = await loadDesignSource('d.incept.json', { cwd: dir(), classes: 3, input: 100 });
    if (!loaded.ok) throw new Error(loaded.error);
    expect(loaded.value).toMatchObject({ origin: 'file', source: join(dir(), 'd.incept.json') });
    expect(loaded.value.document.input).toEqual({ height: 100, width: 100, channels: 3 });
    expect(loaded.value.document.nodes.find((node) => node.id === 'logits')?.params).toEqual({ units: 3 });
  });
});

describe('loadDesignFromArgs', () => {
  it('parses the design options plus a command’s own and returns the remaining positionals', async () => {
    const loaded = await loadDesignFromArgs(['preset:inception-resnet-v1', 'out.txt', '--top', '5', '--param', 'width=0.5'], dir(), { top: { type: 'string' } });
    if (!loaded.ok) throw new Error(loaded.error);
    expect(loaded.value.positionals).toEqual(['out.txt']);
    expect(loaded.value.values.top).toBe('5');
    expect(loaded.value.design.document.nodes.find((node) => node.id === 'stem')?.params.width).toBe(0.5);
  });
});
