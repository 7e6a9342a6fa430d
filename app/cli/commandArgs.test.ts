import { describe, expect, it } from 'vitest';
import { backendFlag, commandFailure, integerFlag, parseCommandArgs } from './commandArgs';
import type { CliIo } from './types';

describe('command arguments', () => {
  it('turns parseArgs errors into messages', () => {
    const parsed = parseCommandArgs(['--nope'], { json: { type: 'boolean' } });
    expect(parsed.ok).toBe(false);
    expect(!parsed.ok && parsed.message).toMatch(/--nope/);
  });

  it('reads integer flags, absent as undefined, and names the flag and value when out of range', () => {
    expect(integerFlag(undefined, 'top', 1)).toEqual({ ok: true, value: undefined });
    expect(integerFlag('0', 'seed', 0)).toEqual({ ok: true, value: 0 });
    expect(integerFlag('0', 'batch', 1)).toEqual({ ok: false, message: '--batch 0: expected an integer ≥ 1.' });
    expect(integerFlag('2.5', 'top', 1)).toEqual({ ok: false, message: '--top 2.5: expected an integer ≥ 1.' });
  });

  it('accepts the known backends only, listing them when refusing', () => {
    expect(backendFlag(undefined)).toEqual({ ok: true, value: undefined });
    expect(backendFlag('wasm')).toEqual({ ok: true, value: 'wasm' });
    expect(backendFlag('cuda')).toEqual({ ok: false, message: '--backend cuda: expected tensorflow-gpu, tensorflow, wasm or cpu.' });
  });

  it('prints failures as `command: problem` and gives 2 unless told otherwise', () => {
    const errors: string[] = [];
    const io: CliIo = { stdout: () => {}, stderr: (text) => errors.push(text), isTty: false, stderrIsTty: false, cwd: '/' };
    const fail = commandFailure('predict', io);
    expect(fail('Missing the images.')).toBe(2);
    expect(fail('the design has errors', 1)).toBe(1);
    expect(errors).toEqual(['predict: Missing the images.\n', 'predict: the design has errors\n']);
  });
});
