import { describe, expect, it } from 'vitest';
import { parsePresetParams, PresetOptionError } from './options';

describe('parsePresetParams', () => {
  it('parses every key', () => {
    expect(
      parsePresetParams(['bnGamma=false', 'dropout=0.2', 'scales=0.17,0.1,0.2', 'width=0.25', 'repeats=1,2,1', 'input=96', 'classes=10']),
    ).toEqual({ bnGamma: false, dropout: 0.2, scales: [0.17, 0.1, 0.2], width: 0.25, repeats: [1, 2, 1], input: 96, classes: 10 });
    expect(parsePresetParams([])).toEqual({});
  });

  it.each([
    ['width', /--param width: expected key=value/],
    ['=3', /expected key=value/],
    ['depth=3', /unknown key 'depth'; keys are input, classes, bnGamma/],
    ['bnGamma=yes', /--param bnGamma=yes: bnGamma must be true or false/],
    ['dropout=1', /--param dropout=1: dropout must be a rate in \[0, 1\)/],
    ['width=0', /--param width=0: width must be a multiplier/],
    ['width=abc', /--param width=abc/],
    ['repeats=1,2', /--param repeats=1,2: repeats must be three comma-separated values/],
    ['repeats=1,2.5,1', /--param repeats=1,2.5,1: repeats must be three comma-separated values \(A, B, C blocks\), each an integer ≥ 0/],
    ['scales=0.1,,0.2', /--param scales=0.1,,0.2: scales must be three/],
    ['input=0', /--param input=0: input must be an integer between 1 and 4096/],
    ['classes=', /--param classes=: classes must be an integer between 1 and 100000/],
  ])('rejects %s', (pair, message) => {
    expect(() => parsePresetParams([pair])).toThrow(PresetOptionError);
    expect(() => parsePresetParams([pair])).toThrow(message);
  });

  it('rejects a key given twice', () => {
    expect(() => parsePresetParams(['width=0.5', 'width=0.25'])).toThrow(/'width' is given twice/);
  });
});
