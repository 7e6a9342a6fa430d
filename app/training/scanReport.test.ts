import { describe, expect, it } from 'vitest';
import { buildScanReport, type ScanFindings } from './scanReport';
import type { DatasetProblem } from './types';

const problems = (n: number): DatasetProblem[] => Array.from({ length: n }, (_, i) => ({ file: `f${i + 1}.png`, problem: 'broken' }));

const findings = (over: Partial<ScanFindings>): ScanFindings => ({
  root: '/data',
  kind: 'folder',
  classNames: ['cat', 'dog'],
  counts: [10, 10],
  unreadable: [],
  smallerThanInput: [],
  inputSize: 299,
  ...over,
});

describe('buildScanReport', () => {
  it('gives no warnings for a clean, balanced set of two classes', () => {
    const report = buildScanReport(findings({}));
    expect(report.warnings).toEqual([]);
    expect(report.imbalance).toBe(1);
    expect(report.total).toBe(20);
  });

  it('asks for two classes, in singular and plural', () => {
    expect(buildScanReport(findings({ classNames: ['cat'], counts: [4] })).warnings).toEqual(['Found 1 class in /data; training needs at least 2.']);
    expect(buildScanReport(findings({ classNames: [], counts: [] })).warnings).toEqual(['Found 0 classes in /data; training needs at least 2.']);
  });

  it('measures imbalance as largest over smallest non-empty class, and 1 when all are empty', () => {
    const report = buildScanReport(findings({ classNames: ['a', 'b', 'c'], counts: [3, 0, 12] }));
    expect(report.imbalance).toBe(4);
    expect(report.warnings).toEqual(["Class 'b' has no readable images.", "Classes are imbalanced 4.0:1 ('c' 12 vs 'a' 3)."]);
    expect(buildScanReport(findings({ counts: [0, 0] })).imbalance).toBe(1);
  });

  it('warns about imbalance only above 2:1', () => {
    expect(buildScanReport(findings({ counts: [10, 5] })).warnings).toEqual([]);
    expect(buildScanReport(findings({ counts: [11, 5] })).warnings).toEqual(["Classes are imbalanced 2.2:1 ('cat' 11 vs 'dog' 5)."]);
  });

  it('names the first largest and first smallest class on ties, whatever the order', () => {
    const report = buildScanReport(findings({ classNames: ['s1', 'L1', 's2', 'L2'], counts: [2, 9, 2, 9] }));
    expect(report.warnings).toEqual(["Classes are imbalanced 4.5:1 ('L1' 9 vs 's1' 2)."]);
    const reversed = buildScanReport(findings({ classNames: ['L1', 's1', 'L2', 's2'], counts: [9, 2, 9, 2] }));
    expect(reversed.warnings).toEqual(["Classes are imbalanced 4.5:1 ('L1' 9 vs 's1' 2)."]);
  });

  it('lists one unreadable file in the singular', () => {
    expect(buildScanReport(findings({ unreadable: problems(1) })).warnings).toEqual(['Skipping 1 unreadable file: f1.png.']);
  });

  it('lists up to five unreadable files by name and counts the rest', () => {
    expect(buildScanReport(findings({ unreadable: problems(5) })).warnings).toEqual(['Skipping 5 unreadable files: f1.png, f2.png, f3.png, f4.png, f5.png.']);
    expect(buildScanReport(findings({ unreadable: problems(8) })).warnings).toEqual([
      'Skipping 8 unreadable files: f1.png, f2.png, f3.png, f4.png, f5.png, and 3 more.',
    ]);
  });

  it('warns that small images will be upscaled, in singular and plural', () => {
    expect(buildScanReport(findings({ smallerThanInput: problems(1), inputSize: 75 })).warnings).toEqual([
      '1 image is smaller than the 75×75 input and will be upscaled: f1.png.',
    ]);
    expect(buildScanReport(findings({ smallerThanInput: problems(2) })).warnings).toEqual([
      '2 images are smaller than the 299×299 input and will be upscaled: f1.png, f2.png.',
    ]);
  });

  it('counts small images by smallerCount when one entry covers a whole set', () => {
    const report = buildScanReport(findings({ smallerThanInput: [{ file: 'train.bin', problem: 'all 32×32' }], smallerCount: 500 }));
    expect(report.warnings).toEqual(['500 images are smaller than the 299×299 input and will be upscaled: train.bin.']);
  });
});
