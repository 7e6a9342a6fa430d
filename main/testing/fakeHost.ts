/** Test fixtures: a temp folder, a valid design text, and host services with a recording fake compute. */

import { mkdtemp, realpath, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach } from 'vitest';
import type { Result } from '../../app/protocol';
import type { AppVersions } from '../../app/versions';
import { parseDesign, serializeDesign } from '../../app/design/document';
import { buildPreset } from '../../app/presets';
import { memoryRecentFiles } from '../files/memoryRecentFiles';
import { createPathPolicy } from '../files/pathPolicy';
import { createRecoveryStore } from '../files/recoveryStore';
import { createExperimentService } from '../experiments/experimentService';
import type { ComputeService } from '../ipc/computeContract';
import type { FileDialogs, HostServices } from '../ipc/hostServices';

export const TEST_VERSIONS: AppVersions = { app: '0.0.0-test', node: '20.0.0', tfjs: '4.22.0', electron: null, chrome: null, platform: 'linux', arch: 'x64' };

export async function tempFolder(prefix: string): Promise<{ path: string; remove(): Promise<void> }> {
  const path = await realpath(await mkdtemp(join(tmpdir(), `${prefix}-`)));
  return { path, remove: () => rm(path, { recursive: true, force: true }) };
}

type TempFolder = Awaited<ReturnType<typeof tempFolder>>;

/**
 * A fresh allowed root and a folder outside it around every test of the file, removed after
 * each: what the hosts' path checks need. Each `path` is read during a test.
 */
export function useHostFolders(rootPrefix: string, outsidePrefix: string): { root: { readonly path: string }; outside: { readonly path: string } } {
  const folders: { root?: TempFolder; outside?: TempFolder } = {};
  beforeEach(async () => {
    folders.root = await tempFolder(rootPrefix);
    folders.outside = await tempFolder(outsidePrefix);
  });
  afterEach(async () => {
    await folders.root?.remove();
    await folders.outside?.remove();
  });
  const pathOf = (key: 'root' | 'outside') => ({
    get path(): string {
      const folder = folders[key];
      if (!folder) throw new Error(`useHostFolders: the ${key} folder exists only during a test`);
      return folder.path;
    },
  });
  return { root: pathOf('root'), outside: pathOf('outside') };
}

let cachedDesign: string | null = null;
/** A real preset as document text (small input so it serialises quickly). */
export function sampleDesignText(): string {
  cachedDesign ??= serializeDesign({ ...buildPreset('inception-v4', { input: 75, classes: 10 }), name: 'Sample design' });
  return cachedDesign;
}

/** Records every compute call and answers with a fixed, valid result. */
function recordingCompute(): ComputeService & { calls: { method: string; request: unknown }[] } {
  const calls: { method: string; request: unknown }[] = [];
  const ok = <T>(value: T): Promise<Result<T>> => Promise.resolve({ ok: true, value });
  const record = <R>(method: string, answer: () => Promise<R>) => (request?: unknown): Promise<R> => {
    calls.push({ method, request });
    return answer();
  };
  return {
    calls,
    backends: record('backends', async () => ({ active: 'cpu' as const, device: 'test CPU', backends: [{ name: 'cpu' as const, available: true }] })),
    doctor: record('doctor', () => Promise.resolve({ ok: false as const, error: 'fake doctor' })),
    scanDataset: record('scanDataset', () => Promise.resolve({ ok: false as const, error: 'fake scan' })),
    startTraining: record('startTraining', () => ok({ runId: 'run-1', runDir: '/runs/run-1' })),
    pauseTraining: record('pauseTraining', () => ok(null)),
    resumeTraining: record('resumeTraining', () => ok(null)),
    stopTraining: record('stopTraining', () => ok(null)),
    listRuns: record('listRuns', () => ok([])),
    predict: record('predict', () => ok({ predictions: [], inference: { runtime: 'tfjs' as const, backend: 'cpu' as const, device: 'fake CPU' } })),
    evaluate: record('evaluate', () => Promise.resolve({ ok: false as const, error: 'fake evaluate' })),
    exportModel: record('exportModel', () => Promise.resolve({ ok: false as const, error: 'fake export' })),
    importModel: record('importModel', () => Promise.resolve({ ok: false as const, error: 'fake import' })),
  };
}

export async function fakeServices(roots: string[], overrides: Partial<HostServices> = {}): Promise<HostServices & { compute: ReturnType<typeof recordingCompute>; states: { title: string; dirty: boolean }[] }> {
  const states: { title: string; dirty: boolean }[] = [];
  const compute = recordingCompute();
  const experiments = createExperimentService({
    root: join(roots[0] ?? tmpdir(), 'experiments'),
    startRun: () => {
      throw new Error('no trainer in these tests');
    },
    compute,
    roots: () => roots,
    emit: () => {},
  });
  return {
    info: { kind: 'web', versions: TEST_VERSIONS, notices: null, platform: process.platform },
    paths: await createPathPolicy(roots),
    dialogs: null,
    recent: memoryRecentFiles(),
    recovery: createRecoveryStore(join(roots[0] ?? tmpdir(), '.inception-studio', 'recovery')),
    parseDesign,
    onDocumentState: (state) => states.push(state),
    experiments,
    ...overrides,
    compute,
    states,
  };
}

/** Dialogs that answer from a script: each call takes the next answer. */
export function scriptedDialogs(answers: (string | null)[]): FileDialogs & { asked: string[] } {
  const asked: string[] = [];
  const next = (what: string) => async (): Promise<string | null> => {
    asked.push(what);
    return answers.shift() ?? null;
  };
  return { asked, chooseDesignToOpen: next('open'), chooseDesignSaveTarget: next('save'), chooseExportTarget: next('export'), chooseModelSaveTarget: next('model'), chooseDataset: next('dataset'), chooseImportSource: next('import') };
}
