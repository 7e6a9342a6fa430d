/** Each host event, from the host's `onEvent` to the stores the window shows, with a fake host in place of the preload. */

import { describe, expect, it } from 'vitest';
import type { EditorCommand } from '../../app/menu/menuModel';
import { serializeDesign } from '../../app/design/document';
import { buildPreset } from '../../app/presets/index';
import type { HostEvent, StudioHost } from '../../app/protocol';
import { defaultTrainConfig } from '../../app/training/defaults';
import { insertAfterAction } from '../actions/editActions';
import { emptyDesign } from '../documents/emptyDesign';
import { defaultDeps } from '../store/defaultDeps';
import { createEditorStore, isDirty } from '../store/editorStore';
import { createExperimentStore } from '../store/experimentStore';
import { createRunStore } from '../store/runStore';
import type { CommandOptions } from './editorCommands';
import { createHostEventHandlers, dispatchHostEvent } from './hostEvents';

const DESIGN_PATH = '/designs/small.incept.json';

/** A host whose events the test emits, as the preload or the web host's socket would deliver them. */
function fakeHost() {
  const listeners = new Set<(event: HostEvent) => void>();
  const opened: string[] = [];
  const host = {
    openDesign: async ({ path }: { path?: string }) => {
      opened.push(path ?? '(dialog)');
      const text = serializeDesign({ ...buildPreset('inception-v4', { input: 75, width: 0.25 }), name: 'Small net' });
      return { ok: true as const, value: { file: { path: path!, name: 'small.incept.json' }, text } };
    },
    onEvent: (listener: (event: HostEvent) => void) => (listeners.add(listener), () => void listeners.delete(listener)),
  } as unknown as StudioHost;
  return { host, opened, emit: (event: HostEvent) => listeners.forEach((listener) => listener(event)) };
}

function setUp(options: { confirm?: boolean; typing?: boolean } = {}) {
  const store = createEditorStore(emptyDesign(), defaultDeps);
  const runStore = createRunStore();
  const experimentStore = createExperimentStore();
  const { host, opened, emit } = fakeHost();
  const commands: [EditorCommand, CommandOptions][] = [];
  const asked: string[] = [];
  const handlers = createHostEventHandlers({
    store,
    runStore,
    experimentStore,
    host,
    run: (command, commandOptions) => commands.push([command, commandOptions]),
    confirm: (message) => (asked.push(message), options.confirm ?? false),
    isTyping: () => options.typing ?? false,
  });
  host.onEvent((event) => dispatchHostEvent(handlers, event));
  return { store, runStore, experimentStore, emit, opened, commands, asked };
}

const makeDirty = (store: ReturnType<typeof createEditorStore>) => store.getState().run(insertAfterAction, { type: 'dropout' });

describe('host events', () => {
  it('open-file opens the design when nothing is unsaved', async () => {
    const { store, emit, opened, asked } = setUp();
    emit({ type: 'open-file', path: DESIGN_PATH, unsavedChecked: false });
    await expect.poll(() => store.getState().file?.path).toBe(DESIGN_PATH);
    expect(opened).toEqual([DESIGN_PATH]);
    expect(asked).toEqual([]);
    expect(store.getState().document.name).toBe('Small net');
    expect(store.getState().notice).toBe(`Opened ${DESIGN_PATH}`);
  });

  it('open-file asks before replacing unsaved work, and keeps it when the user says no', () => {
    const { store, emit, opened, asked } = setUp({ confirm: false });
    makeDirty(store);
    emit({ type: 'open-file', path: DESIGN_PATH, unsavedChecked: false });
    // Refused before any call to the host: nothing is left pending.
    expect(asked).toEqual(['Discard unsaved changes to “Untitled”?']);
    expect(opened).toEqual([]);
    expect(isDirty(store.getState())).toBe(true);
    expect(store.getState().document.name).toBe('Untitled');
  });

  it('open-file replaces unsaved work when the user agrees, or without asking when the host already asked', async () => {
    const agreed = setUp({ confirm: true });
    makeDirty(agreed.store);
    agreed.emit({ type: 'open-file', path: DESIGN_PATH, unsavedChecked: false });
    await expect.poll(() => agreed.store.getState().document.name).toBe('Small net');
    expect(agreed.asked).toHaveLength(1);

    const desktop = setUp({ confirm: false });
    makeDirty(desktop.store);
    desktop.emit({ type: 'open-file', path: DESIGN_PATH, unsavedChecked: true });
    await expect.poll(() => desktop.store.getState().document.name).toBe('Small net');
    expect(desktop.asked).toEqual([]);
    expect(isDirty(desktop.store.getState())).toBe(false);
  });

  it('menu runs the command with what the host already asked, leaving edit commands to a focused text field', () => {
    const { emit, commands } = setUp();
    emit({ type: 'menu', command: 'exportSvg', unsavedChecked: false });
    emit({ type: 'menu', command: 'preset:inception-v4', unsavedChecked: true });
    expect(commands).toEqual([
      ['exportSvg', { unsavedChecked: false }],
      ['preset:inception-v4', { unsavedChecked: true }],
    ]);
    const typing = setUp({ typing: true });
    typing.emit({ type: 'menu', command: 'undo', unsavedChecked: false });
    typing.emit({ type: 'menu', command: 'save', unsavedChecked: false });
    expect(typing.commands.map(([command]) => command)).toEqual(['save']);
  });

  it('train folds the run into the runs store; a crashed trainer opens the training tab', () => {
    const { runStore, emit } = setUp();
    const config = { ...defaultTrainConfig, epochs: 1 };
    emit({ type: 'train', runId: 'r1', event: { type: 'start', runId: 'r1', runDir: '/runs/r1', backend: 'wasm', device: 'CPU', stepsPerEpoch: 2, totalSteps: 2, config } });
    expect(runStore.getState().runs.r1).toMatchObject({ status: 'running', backend: 'wasm' });
    expect(runStore.getState().dock).toBeNull();
    emit({ type: 'trainer-crashed', runId: 'r1', message: 'exited with code 3', lastCheckpoint: null });
    expect(runStore.getState().runs.r1).toMatchObject({ status: 'crashed', failure: 'exited with code 3' });
    expect(runStore.getState().dock).toBe('train');
    emit({ type: 'trainer-crashed', runId: null, message: 'engine worker died', lastCheckpoint: null });
    expect(runStore.getState().engineCrash).toBe('engine worker died');
  });

  it('experiment events reach the experiments store', () => {
    const { experimentStore, emit } = setUp();
    const queue = { paused: true, runs: [{ id: 'plain-seed1', state: 'queued' as const }] };
    emit({ type: 'experiment', id: 'residual-vs-plain', event: { type: 'queue', queue } });
    expect(experimentStore.getState().live['residual-vs-plain']).toMatchObject({ queue, revision: 1 });
  });

  it('names an event type from a newer host instead of dropping it silently', () => {
    const { emit } = setUp();
    expect(() => emit({ type: 'telepathy' } as unknown as HostEvent)).toThrow('The host sent an event this window does not know: "telepathy"');
  });
});
