import { mkdir, symlink } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { EXPERIMENT_FORMAT, type ExperimentSpec } from '../../app/experiments/types';
import type { ExperimentService } from '../experiments/experimentService';
import { fakeServices, useHostFolders } from '../testing/fakeHost';
import { experimentHandlers } from './experimentHandlers';

const { root, outside } = useHostFolders('experiment-handlers-root', 'experiment-handlers-outside');

/** An experiment service that records what it is handed and answers each call with its name. */
function recordingExperiments(): ExperimentService & { calls: { method: string; args: unknown[] }[] } {
  const calls: { method: string; args: unknown[] }[] = [];
  const answer = (method: string) => async (...args: unknown[]) => {
    calls.push({ method, args });
    return { ok: true as const, value: method as never };
  };
  return {
    calls,
    list: answer('list'),
    preview: answer('preview'),
    start: answer('start'),
    status: answer('status'),
    control: answer('control'),
    report: answer('report'),
    shutdown: async () => {},
  };
}

const spec = (fixed: Record<string, unknown>, designs: string[]): string =>
  JSON.stringify({
    format: EXPERIMENT_FORMAT,
    version: 1,
    name: 'Paths',
    fixed: { epochs: 1, ...fixed },
    variants: designs.map((design, index) => ({ name: `v${index}`, design })),
    seeds: [1],
  });

async function handlersOver(roots: string[]) {
  const experiments = recordingExperiments();
  return { experiments, handlers: experimentHandlers(await fakeServices(roots, { experiments })) };
}

describe('experiment handlers', () => {
  it('hand the service the spec with every path it names made real, and presets as they are', async () => {
    const { experiments, handlers } = await handlersOver([root.path]);
    await mkdir(join(root.path, 'data'));
    await mkdir(join(root.path, 'val'));
    await symlink(join(root.path, 'data'), join(root.path, 'data-link'));
    const design = join(root.path, 'net.incept.json');
    const text = spec({ data: join(root.path, 'data-link'), validation: join(root.path, 'val'), budgetMinutes: 5 }, ['preset:inception-v4', design]);
    expect(await handlers.previewExperiment({ spec: text })).toEqual({ ok: true, value: 'preview' });
    const [planned] = experiments.calls[0].args as [ExperimentSpec];
    expect(planned.fixed).toEqual({ epochs: 1, budgetMinutes: 5, data: join(root.path, 'data'), validation: join(root.path, 'val') });
    expect(planned.variants.map((variant) => variant.design)).toEqual(['preset:inception-v4', design]);
  });

  it('leave out a dataset and a validation set the spec does not name', async () => {
    const { experiments, handlers } = await handlersOver([root.path]);
    await handlers.startExperiment({ spec: spec({}, ['preset:inception-v4']), parallel: 3 });
    expect(experiments.calls).toEqual([{ method: 'start', args: [expect.objectContaining({ fixed: { epochs: 1 } }), 3] }]);
    expect(Object.keys((experiments.calls[0].args[0] as ExperimentSpec).fixed)).toEqual(['epochs']);
  });

  it('refuse a path outside the roots, naming the spec field, before the service sees anything', async () => {
    const { experiments, handlers } = await handlersOver([root.path]);
    const refusals = [
      [spec({ data: outside.path }, ['preset:inception-v4']), /^fixed\.data: .*outside the folders/],
      [spec({ data: root.path, validation: outside.path }, ['preset:inception-v4']), /^fixed\.validation: .*outside the folders/],
      [spec({}, ['preset:inception-v4', join(outside.path, 'net.incept.json')]), /^variants\[1\]\.design: .*outside the folders/],
      // A design named like a preset only counts as one with the whole prefix.
      [spec({}, ['preset', 'preset-net.incept.json']), /^variants\[0\]\.design: "preset" is not an absolute path/],
    ] as const;
    for (const [text, error] of refusals) {
      expect(await handlers.previewExperiment({ spec: text }), text).toEqual({ ok: false, error: expect.stringMatching(error) });
      expect(await handlers.startExperiment({ spec: text }), text).toEqual({ ok: false, error: expect.stringMatching(error) });
    }
    expect(experiments.calls).toEqual([]);
  });

  it('refuse a spec that does not parse with the parser’s field-named message', async () => {
    const { experiments, handlers } = await handlersOver([root.path]);
    expect(await handlers.previewExperiment({ spec: '{"format": ' })).toEqual({ ok: false, error: expect.stringMatching(/^The experiment spec is not valid JSON: .* at line 1, column 12\.$/) });
    const noEpochs = JSON.stringify({ ...JSON.parse(spec({}, ['preset:inception-v4'])), fixed: {} });
    expect(await handlers.startExperiment({ spec: noEpochs })).toEqual({ ok: false, error: expect.stringMatching(/^The experiment spec has 1 problem:\n {2}fixed\.epochs: /) });
    expect(experiments.calls).toEqual([]);
  });

  it('pass ids and actions through to the service', async () => {
    const { experiments, handlers } = await handlersOver([root.path]);
    await handlers.listExperiments();
    await handlers.experimentStatus({ id: 'a' });
    await handlers.controlExperiment({ id: 'b', action: { type: 'pause' } });
    await handlers.experimentReport({ id: 'c' });
    expect(experiments.calls).toEqual([
      { method: 'list', args: [] },
      { method: 'status', args: ['a'] },
      { method: 'control', args: ['b', { type: 'pause' }] },
      { method: 'report', args: ['c'] },
    ]);
  });
});
