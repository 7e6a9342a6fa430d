/**
 * The runs store: training runs of this session folded from host events, past runs from the
 * host, the runs overlaid for comparison, and the prediction panel's state. Separate from the
 * editor store (a run outlives document edits) and framework-free (zustand/vanilla), so it is
 * unit-tested in Node; host calls live in runCommands.ts.
 */

import { createStore, type StoreApi } from 'zustand/vanilla';
import type { BackendName } from '../../app/compute/backends';
import type { BackendReport, DoctorReport, HostEvent, ImagePrediction, InferenceReport, RunSummary } from '../../app/protocol';
import { defaultTrainConfig } from '../../app/training/defaults';
import type { ProgressEvent } from '../../app/training/progress';
import type { ScanReport, TrainConfig } from '../../app/training/types';
import { unhandled } from '../../app/unhandled';
import type { ExportedFile } from '../export/exportImage';
import { foldCrash, foldTrainEvent, isRunActive, markStopping, newRunView, type RunView } from './runEvents';

/** An image waiting for prediction: a host path, or bytes dropped into the window. */
export type PredictionImage = { name: string; preview: string | null } & ({ path: string } | { base64: string });

export type PredictionModel = { kind: 'design' } | { kind: 'checkpoint'; runId: string; which: 'best' | 'last'; path: string } | { kind: 'modelDir'; path: string };

export interface PredictionState {
  model: PredictionModel;
  images: readonly PredictionImage[];
  results: readonly ImagePrediction[];
  /** What computed `results`; null while there are none. */
  inference: InferenceReport | null;
  busy: boolean;
  error: string | null;
}

/** What the last export did, for the status bar; a browser download offers to keep a copy on the host. */
export interface ExportNotice {
  text: string;
  offer: ExportedFile | null;
}

/** What the next run will train on and how: edited in the training panel before Start. */
export interface TrainingSetup {
  /** Dataset folder or CSV; empty means the bundled sample. */
  dataPath: string;
  config: TrainConfig;
  /** Null: the host's active backend. */
  backend: BackendName | null;
  /** Memory the run may use, for backends whose limit the app cannot know (native CPU, GPU). */
  memoryGiB: number;
  /** Data-parallel replicas on wasm; null: one per core (the trainer decides). */
  workers: number | null;
  /** Megabytes of decoded training images kept in memory; null: the trainer's default. */
  imageCacheMegabytes: number | null;
}

/** The compute check (the doctor) as the Compute section shows it. */
export interface DoctorState {
  report: DoctorReport | null;
  /** Which check is running: the quick one or the benchmark. */
  running: 'check' | 'benchmark' | null;
  error: string | null;
}

/** The dataset scan for the current `dataPath` at the design's input size (its notes depend on both). */
export interface ScanState {
  path: string;
  inputSize: number;
  report: ScanReport | null;
  error: string | null;
  busy: boolean;
}

/** What the bottom dock shows: the training panel, the prediction panel, the layer table, or nothing (collapsed). */
export type DockTab = 'train' | 'predict' | 'layers';

/** The host events about runs: a trainer's event, or a trainer or the engine worker that crashed. */
export type RunHostEvent = Extract<HostEvent, { type: 'train' | 'trainer-crashed' }>;

export interface RunState {
  /** The open dock tab; null while the dock is collapsed. */
  dock: DockTab | null;
  setup: TrainingSetup;
  scan: ScanState | null;
  backends: BackendReport | null;
  doctor: DoctorState;
  runs: Readonly<Record<string, RunView>>;
  /** The run the training panel shows. */
  currentRunId: string | null;
  /** Runs of this design known to the host (this session's and earlier ones). */
  pastRuns: readonly RunSummary[];
  /** Epoch histories of past runs loaded for comparison, by run id. */
  history: Readonly<Record<string, RunView>>;
  /** Run ids overlaid on the comparison chart. */
  compared: readonly string[];
  /** A start/pause/stop request in flight, and the last refusal. */
  busy: boolean;
  error: string | null;
  /** The engine worker (scan, predict) crashed; shown until dismissed. */
  engineCrash: string | null;
  /** The host's long work under way (dataset check, evaluation, prediction); null when none is. */
  workProgress: ProgressEvent | null;
  prediction: PredictionState;
  exportNotice: ExportNotice | null;
}

export interface RunCommands {
  setDock(tab: DockTab | null): void;
  setSetup(patch: Partial<TrainingSetup>): void;
  setConfig(patch: Partial<TrainConfig>): void;
  setScan(scan: ScanState | null): void;
  setBackends(report: BackendReport): void;
  setDoctor(patch: Partial<DoctorState>): void;
  applyHostEvent(event: RunHostEvent): void;
  /** The host accepted a start: the run becomes current (events may already have arrived). */
  runStarted(runId: string, runDir: string): void;
  setCurrentRun(runId: string | null): void;
  setBusy(busy: boolean, error?: string | null): void;
  markStopping(runId: string): void;
  setPastRuns(runs: readonly RunSummary[]): void;
  setHistory(runId: string, view: RunView): void;
  toggleCompared(runId: string): void;
  dismissEngineCrash(): void;
  /** The latest progress of the host's long work; its last update (done = total) clears it. */
  setWorkProgress(event: ProgressEvent): void;
  setPrediction(patch: Partial<PredictionState>): void;
  setExportNotice(notice: ExportNotice | null): void;
}

export type RunStoreState = RunState & RunCommands;
export type RunStore = StoreApi<RunStoreState>;

const initialPrediction: PredictionState = { model: { kind: 'design' }, images: [], results: [], inference: null, busy: false, error: null };

/** True while a run trains the design: the designer is read-only then. */
export function isDesignLocked(state: Pick<RunState, 'runs'>): boolean {
  return Object.values(state.runs).some((run) => isRunActive(run.status));
}

/** Why the design cannot be edited, for the banner and tooltips; null when it can. */
export function designLockReason(state: Pick<RunState, 'runs'>): string | null {
  const run = Object.values(state.runs).find((candidate) => isRunActive(candidate.status));
  return run ? `Run ${run.runId} is training this design (${run.status}); stop it to edit the design.` : null;
}

export function currentRun(state: Pick<RunState, 'runs' | 'currentRunId'>): RunView | null {
  return state.currentRunId === null ? null : (state.runs[state.currentRunId] ?? null);
}

export function createRunStore(): RunStore {
  return createStore<RunStoreState>()((set) => {
    const updateRun = (runId: string, change: (view: RunView) => RunView): void =>
      set((state) => {
        const view = state.runs[runId] ?? newRunView(runId, '');
        return { runs: { ...state.runs, [runId]: change(view) }, currentRunId: state.currentRunId ?? runId };
      });

    return {
      dock: null,
      setup: { dataPath: '', config: { ...defaultTrainConfig }, backend: null, memoryGiB: 8, workers: null, imageCacheMegabytes: null },
      scan: null,
      backends: null,
      doctor: { report: null, running: null, error: null },
      runs: {},
      currentRunId: null,
      pastRuns: [],
      history: {},
      compared: [],
      busy: false,
      error: null,
      engineCrash: null,
      workProgress: null,
      prediction: initialPrediction,
      exportNotice: null,

      setDock: (dock) => set({ dock }),
      setSetup: (patch) => set((state) => ({ setup: { ...state.setup, ...patch } })),
      setConfig: (patch) => set((state) => ({ setup: { ...state.setup, config: { ...state.setup.config, ...patch } } })),
      setScan: (scan) => set({ scan }),
      setBackends: (backends) => set({ backends }),
      setDoctor: (patch) => set((state) => ({ doctor: { ...state.doctor, ...patch } })),
      applyHostEvent(event) {
        switch (event.type) {
          case 'train':
            return updateRun(event.runId, (view) => foldTrainEvent(view, event.event));
          case 'trainer-crashed':
            if (event.runId === null) return set({ engineCrash: event.message });
            return updateRun(event.runId, (view) => foldCrash(view, event));
          default:
            return unhandled(event);
        }
      },
      runStarted(runId, runDir) {
        set((state) => {
          const known = state.runs[runId];
          // A resumed run keeps its series; the start event trims what came after the checkpoint.
          const view = !known ? newRunView(runId, runDir) : isRunActive(known.status) ? known : { ...known, status: 'starting' as const, failure: null };
          return { runs: { ...state.runs, [runId]: view }, currentRunId: runId, error: null };
        });
      },
      setCurrentRun: (runId) => set({ currentRunId: runId }),
      setBusy: (busy, error) => set((state) => ({ busy, error: error === undefined ? state.error : error })),
      markStopping: (runId) => updateRun(runId, markStopping),
      setPastRuns: (pastRuns) => set({ pastRuns }),
      setHistory: (runId, view) => set((state) => ({ history: { ...state.history, [runId]: view } })),
      toggleCompared: (runId) =>
        set((state) => ({ compared: state.compared.includes(runId) ? state.compared.filter((id) => id !== runId) : [...state.compared, runId] })),
      dismissEngineCrash: () => set({ engineCrash: null }),
      setWorkProgress: (event) => set({ workProgress: event.done >= event.total ? null : event }),
      setPrediction: (patch) => set((state) => ({ prediction: { ...state.prediction, ...patch } })),
      setExportNotice: (exportNotice) => set({ exportNotice }),
    };
  });
}
