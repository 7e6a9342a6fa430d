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

  it('accepts every bound itself', () => {
    expect(parsePresetParams(['input=1', 'classes=1', 'dropout=0', 'width=8', 'scales=0,10,0', 'repeats=0,0,0'])).toEqual({
      input: 1,
      classes: 1,
      dropout: 0,
      width: 8,
      scales: [0, 10, 0],
      repeats: [0, 0, 0],
    });
    expect(parsePresetParams(['input=4096', 'classes=100000', 'dropout=0.99', 'width=0.01', 'bnGamma=true'])).toEqual({ input: 4096, classes: 100_000, dropout: 0.99, width: 0.01, bnGamma: true });
  });

  it.each([
    'input=4097',
    'input=96.5',
    'input= ',
    'classes=100001',
    'classes=0',
    'dropout=-0.01',
    'width=8.01',
    'width=-1',
    'scales=0,10.01,0',
    'scales=-0.1,0.1,0.1',
    'scales=0.1,0.1,0.1,0.1',
    'repeats=-1,0,0',
    'repeats=1,2, ',
    'bnGamma=True',
    'bnGamma=',
    'width=0.5=1',
  ])('rejects the near-miss %s, naming it', (pair) => {
    expect(() => parsePresetParams([pair])).toThrow(new RegExp(`^--param ${pair.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}: ${pair.split('=')[0]} must be `));
  });

  it('says what a pair without a key looks like, listing the keys, and what a bad triple must be', () => {
    const keys = 'input, classes, bnGamma, dropout, width, scales, repeats';
    for (const pair of ['width', '=1']) expect(() => parsePresetParams([pair])).toThrow(new PresetOptionError(`--param ${pair}: expected key=value with a key among ${keys}.`));
    expect(() => parsePresetParams(['scales=0,10.01,0'])).toThrow('--param scales=0,10.01,0: scales must be three comma-separated values (A, B, C blocks), each a number in [0, 10].');
    const error = (() => {
      try {
        parsePresetParams(['input=0']);
      } catch (thrown) {
        return thrown;
      }
    })();
    expect(error).toBeInstanceOf(PresetOptionError);
    expect((error as Error).name).toBe('PresetOptionError');
  });

  it('knows only its own keys, not those every object inherits', () => {
    for (const key of ['constructor', 'toString', '__proto__', 'hasOwnProperty']) expect(() => parsePresetParams([`${key}=1`])).toThrow(`unknown key '${key}'`);
  });

  it('rejects a key given twice', () => {
    expect(() => parsePresetParams(['width=0.5', 'width=0.25'])).toThrow(/'width' is given twice/);
  });
});
