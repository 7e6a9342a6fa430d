import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { serializeDesign } from '../../design/document';
import { DESIGN_LIMITS } from '../../design/limits';
import { buildPreset } from '../../presets/index';
import { runCli } from '../testing/captureIo';
import { useTempDir } from '../../node/testing/tempDir';

const dir = useTempDir('validate');

function validate(...args: string[]): Promise<{ code: number; out: string; err: string }> {
  return runCli(dir(), ['validate', ...args]);
}

describe('validate', () => {
  it('exits 0 for a valid preset', async () => {
    expect(await validate('preset:inception-resnet-v2')).toEqual({ code: 0, out: 'Inception-ResNet-v2: 0 errors, 0 warnings\n', err: '' });
  });

  it('exits 1 and prints each diagnostic for a design with errors', async () => {
    const { code, out } = await validate('preset:inception-v4', '--input', '74');
    expect(code).toBe(1);
    expect(out).toMatch(/^error grid-collapsed: In redB: Convolution redB\/branch0\/conv2 .* leaves 0×0/);
    expect(out).toMatch(/hint: .*75×75/);
    expect(out).toMatch(/Inception-v4: 1 error, 0 warnings\n$/);
  });

  it('prints the diagnostics as JSON with --json', async () => {
    const { code, out } = await validate('preset:inception-resnet-v2-as-printed', '--json');
    expect(code).toBe(1);
    const diagnostics = JSON.parse(out) as { code: string; nodes: string[] }[];
    expect(diagnostics).toHaveLength(15);
    expect(diagnostics[0]).toMatchObject({ severity: 'error', code: 'residual-shape-mismatch', nodes: ['b1'] });
  });

  it('opens a saved design with broken references and reports them (exit 1)', async () => {
    const doc = buildPreset('inception-v4', { repeats: [1, 1, 1] });
    const dangling = { ...doc, edges: [...doc.edges, { source: 'ghost', target: 'softmax', port: 1 }] };
    await writeFile(join(dir(), 'dangling.incept.json'), serializeDesign(dangling));
    const { code, out } = await validate('dangling.incept.json');
    expect(code).toBe(1);
    expect(out).toContain('dangling-edge');
  });

  it('notes when it read an older format version', async () => {
    const v1 = { format: 'inception-studio/design', version: 1, name: 'old', inputShape: [8, 8, 3], nodes: [{ id: 'input', type: 'input', params: {} }, { id: 'f', type: 'flatten', params: {} }], edges: [{ from: 'input', to: 'f' }] };
    await writeFile(join(dir(), 'old.incept.json'), JSON.stringify(v1));
    const { out } = await validate('old.incept.json');
    expect(out).toMatch(/^note: read format version 1; saving writes the current version\./);
  });

  it.each([
    [['nothing-here.incept.json'], /validate: Cannot read design file 'nothing-here.incept.json': no such file/],
    [['preset:nope'], /validate: Unknown preset 'nope'/],
    [['preset:inception-v4', '--param', 'bnGamma=maybe'], /validate: --param bnGamma=maybe: bnGamma must be true or false/],
    [['preset:inception-v4', '--param', 'color=red'], /validate: --param color=red: unknown key 'color'/],
    [['.'], /validate: Cannot read design file '.': it is a directory/],
  ])('exits 2 for %j', async (args, message) => {
    const { code, err } = await validate(...args);
    expect(code).toBe(2);
    expect(err).toMatch(message);
  });

  it('exits 2 for malformed JSON, a schema error and a newer version', async () => {
    await writeFile(join(dir(), 'bad.incept.json'), '{"format": "inception-studio/design", "version": 2,}');
    expect(await validate('bad.incept.json')).toMatchObject({ code: 2, err: expect.stringMatching(/not valid JSON: .* at line 1, column 52/) });
    await writeFile(join(dir(), 'schema.incept.json'), JSON.stringify({ ...buildPreset('inception-v4'), name: 5 }));
    expect(await validate('schema.incept.json')).toMatchObject({ code: 2, err: expect.stringContaining('name: expected a string, found 5') });
    await writeFile(join(dir(), 'new.incept.json'), JSON.stringify({ ...buildPreset('inception-v4'), version: 4 }));
    expect(await validate('new.incept.json')).toMatchObject({ code: 2, err: expect.stringContaining('newer Inception Studio: format version 4, this build reads up to 3') });
  });
});

describe('numbers beyond any network', () => {
  it('are refused naming the field and the limit by validate, summary and export-preset, which writes nothing', async () => {
    for (const command of ['validate', 'summary']) {
      const input = await runCli(dir(), [command, 'preset:inception-v4', '--input', '1000000000000']);
      expect(input, command).toEqual({ code: 2, out: '', err: `${command}: --input 1000000000000: expected an integer between 1 and ${DESIGN_LIMITS.inputSize}.\n` });
      const classes = await runCli(dir(), [command, 'preset:inception-v4', '--classes', '1000000000']);
      expect(classes.err, command).toBe(`${command}: --classes 1000000000: expected an integer between 1 and ${DESIGN_LIMITS.classes}.\n`);
      const param = await runCli(dir(), [command, 'preset:inception-v4', '--param', 'input=99999']);
      expect(param.err, command).toMatch(`input must be an integer between 1 and ${DESIGN_LIMITS.inputSize}`);
    }
    const exported = await runCli(dir(), ['export-preset', 'inception-v4', 'huge.incept.json', '--classes', '1000000000']);
    expect(exported).toMatchObject({ code: 2, err: expect.stringContaining(`between 1 and ${DESIGN_LIMITS.classes}`) });
    await expect(readFile(join(dir(), 'huge.incept.json'))).rejects.toThrow(/ENOENT/);
  });

  it('inside a design file: input refused by the schema (exit 2), a layer’s units a diagnostic (exit 1)', async () => {
    const design = buildPreset('inception-v4', { input: 75, classes: 10 });
    await writeFile(join(dir(), 'big-input.incept.json'), serializeDesign({ ...design, input: { ...design.input, height: 1e12 } }));
    expect(await validate('big-input.incept.json')).toMatchObject({ code: 2, err: expect.stringContaining(`input.height: expected an integer between 1 and ${DESIGN_LIMITS.inputSize}, found 1000000000000`) });
    const nodes = design.nodes.map((node) => (node.type === 'dense' ? { ...node, params: { ...node.params, units: 1e9 } } : node));
    await writeFile(join(dir(), 'big-units.incept.json'), serializeDesign({ ...design, nodes }));
    const units = await validate('big-units.incept.json');
    expect(units.code).toBe(1);
    expect(units.out).toContain(`units is 1000000000; it must be an integer between 1 and ${DESIGN_LIMITS.classes}`);
  });
});

describe('text from data', () => {
  it('reaches the terminal as text: control and direction characters are shown escaped', async () => {
    const design = buildPreset('inception-v4', { input: 74, classes: 10 });
    await writeFile(join(dir(), 'sneaky.incept.json'), serializeDesign({ ...design, name: 'Net\x1b]0;pwned\x07\u202Eevil' }));
    // eslint-disable-next-line no-control-regex -- finding control characters is the point
    const unsafe = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u202a-\u202e]/;
    for (const command of ['validate', 'summary']) {
      const { out, err } = await runCli(dir(), [command, 'sneaky.incept.json']);
      expect(out + err, command).not.toMatch(unsafe);
      expect(out, command).toContain('Net\\u001b]0;pwned\\u0007\\u202eevil');
    }
    const missing = await runCli(dir(), ['validate', 'gone\x1b[2J.incept.json']);
    expect(missing.err).toBe("validate: Cannot read design file 'gone\\u001b[2J.incept.json': no such file.\n");
    const json = await runCli(dir(), ['summary', 'sneaky.incept.json', '--json']);
    expect(json.out).not.toMatch(unsafe);
    expect(JSON.parse(json.out).name).toBe('Net\x1b]0;pwned\x07\u202Eevil');
  });
});
