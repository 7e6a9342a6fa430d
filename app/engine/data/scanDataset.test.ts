import { mkdir, mkdtemp, realpath, rm, symlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { scanDataset } from './scanDataset';
import { writeSyntheticDataset } from './syntheticDataset';
import { DatasetError } from './types';

let root: string;

beforeAll(async () => {
  root = await mkdtemp(join(tmpdir(), 'scan-'));
});
afterAll(async () => {
  await rm(root, { recursive: true, force: true });
});

describe('scanDataset: image folders', () => {
  it('counts classes, skips an unreadable file naming it, and reports small images and imbalance', async () => {
    const dir = join(root, 'folder');
    await writeSyntheticDataset(dir, { classes: 2, perClass: 6, size: 40 });
    await writeSyntheticDataset(join(root, 'extra'), { classes: 1, perClass: 1, size: 20 });
    await writeFile(join(dir, 'class1', 'broken.jpg'), 'not a jpeg at all');
    await writeFile(join(dir, 'class1', 'notes.txt'), 'ignored');
    await sharp({ create: { width: 20, height: 30, channels: 3, background: '#808080' } }).png().toFile(join(dir, 'class0', 'tiny.png'));
    const dataset = await scanDataset(dir, 32);
    const { report } = dataset;
    expect(report.kind).toBe('folder');
    expect(report.classes).toEqual([
      { name: 'class0', count: 7 },
      { name: 'class1', count: 6 },
    ]);
    expect(report.total).toBe(13);
    expect(dataset.samples).toHaveLength(13);
    expect(report.unreadable.map((p) => p.file)).toEqual([join(dir, 'class1', 'broken.jpg')]);
    expect(report.warnings.some((w) => w.includes('broken.jpg'))).toBe(true);
    expect(report.warnings.some((w) => w.includes('non-image'))).toBe(true);
    expect(report.smallerThanInput.map((p) => p.file)).toEqual([join(dir, 'class0', 'tiny.png')]);
    expect(report.imbalance).toBeCloseTo(7 / 6);
  });

  it('warns when classes are imbalanced above 2:1', async () => {
    const dir = join(root, 'imbalanced');
    await writeSyntheticDataset(dir, { classes: 2, perClass: 2, size: 16 });
    await writeSyntheticDataset(join(dir, 'class0'), { classes: 1, perClass: 4, size: 16 });
    const { report } = await scanDataset(dir, 16);
    expect(report.classes.map((c) => c.count)).toEqual([6, 2]);
    expect(report.imbalance).toBe(3);
    expect(report.warnings.some((w) => w.includes('imbalanced 3.0:1'))).toBe(true);
  });

  it('names a missing dataset folder', async () => {
    const missing = join(root, 'nope');
    await expect(scanDataset(missing, 32)).rejects.toThrow(new DatasetError(`Dataset not found: ${missing} does not exist.`));
  });

  it('explains a folder without class sub-folders', async () => {
    const flat = join(root, 'flat');
    await writeSyntheticDataset(flat, { classes: 1, perClass: 1, size: 8 });
    await expect(scanDataset(join(flat, 'class0'), 8)).rejects.toThrow(/No class folders in .*class0/);
  });
});

describe('scanDataset: CSV manifests', () => {
  it('reads path,label rows relative to the manifest, with a header, quotes and a bad row', async () => {
    const dir = join(root, 'csv');
    const files = await writeSyntheticDataset(dir, { classes: 2, perClass: 2, size: 24 });
    const rows = ['path,label', `class0/img0.png,cat`, `"class0/img1.png","cat"`, `class1/img0.png,dog`, `${files[1][1]},dog`, 'only-a-path', `missing.png,dog`];
    const manifest = join(dir, 'labels.csv');
    await writeFile(manifest, rows.join('\n') + '\n');
    const dataset = await scanDataset(manifest, 24);
    expect(dataset.report.kind).toBe('csv');
    expect(dataset.classNames).toEqual(['cat', 'dog']);
    expect(dataset.report.classes.map((c) => c.count)).toEqual([2, 2]);
    expect(dataset.report.unreadable.map((p) => p.file)).toEqual([join(dir, 'missing.png')]);
    expect(dataset.report.warnings.some((w) => w.includes(`${manifest}:6`))).toBe(true);
  });

  it('rejects a manifest with no rows', async () => {
    const manifest = join(root, 'empty.csv');
    await writeFile(manifest, 'path,label\n');
    await expect(scanDataset(manifest, 24)).rejects.toThrow(/lists no images/);
  });

  it('inside allowed folders, refuses rows that lead outside them with the row number, whether or not the file exists', async () => {
    const base = await realpath(root);
    const allowed = join(base, 'allowed');
    const files = await writeSyntheticDataset(join(allowed, 'data'), { classes: 2, perClass: 1, size: 24 });
    await writeSyntheticDataset(join(base, 'outside'), { classes: 1, perClass: 1, size: 24 });
    await mkdir(join(allowed, 'links'));
    await symlink(join(base, 'outside'), join(allowed, 'links', 'escape'));
    const manifest = join(allowed, 'rows.csv');
    const rows = [
      'path,label',
      `data/class0/img0.png,a`,
      `${files[1][0]},b`,
      `../outside/class0/img0.png,a`,
      `../outside/class0/no-such-file.png,a`,
      `/etc/passwd,b`,
      `links/escape/class0/img0.png,b`,
    ];
    await writeFile(manifest, rows.join('\n'));
    const refusal = await scanDataset(manifest, 24, { roots: [allowed] }).catch((error: unknown) => error as Error);
    expect(refusal).toBeInstanceOf(DatasetError);
    const message = (refusal as Error).message;
    for (const row of [4, 5, 6, 7]) expect(message).toContain(`row ${row}:`);
    expect(message).not.toMatch(/row [23]:/);
    expect(message).toContain(`row 4: ../outside/class0/img0.png is outside the folders`);
    expect(message).toContain(`row 5: ../outside/class0/no-such-file.png is outside the folders`);
    expect(message).not.toMatch(/exist|missing|no such/i);
    const inside = join(allowed, 'inside.csv');
    await writeFile(inside, rows.slice(0, 3).join('\n'));
    await expect(scanDataset(inside, 24, { roots: [allowed] })).resolves.toMatchObject({ classNames: ['a', 'b'] });
  });

  it('refuses a manifest outside the allowed folders before reading it', async () => {
    const manifest = join(await realpath(root), 'elsewhere.csv');
    await writeFile(manifest, 'x.png,a\n');
    await expect(scanDataset(manifest, 24, { roots: [join(root, 'allowed')] })).rejects.toThrow(/is outside the folders/);
  });
});

describe('scanDataset: bundled Fashion-MNIST', () => {
  it('has ten balanced classes of 28×28 images and says they will be upscaled', async () => {
    const dataset = await scanDataset(undefined, 75);
    expect(dataset.report.kind).toBe('bundled');
    expect(dataset.classNames).toHaveLength(10);
    expect(dataset.report.total).toBe(3000);
    expect(dataset.report.imbalance).toBe(1);
    expect(dataset.report.smallerThanInput).toHaveLength(1);
    const { info } = await dataset.open(dataset.samples[0]).raw().toBuffer({ resolveWithObject: true });
    expect([info.width, info.height]).toEqual([28, 28]);
  });
});
