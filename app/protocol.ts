/**
 * The one contract between the UI and its host. Two hosts implement it: the Electron preload
 * bridge (desktop) and the local web host (HTTP + WebSocket). Types plus the method lists the
 * bridges iterate: every payload is validated on the host side (`main/ipc/dispatch.ts` with the
 * schemas of `main/ipc/requestSchemas.ts`) before a handler runs.
 */

import type { BackendName } from './compute/backends';
import type { ExperimentEstimate } from './experiments/estimate';
import type { ExperimentEvent } from './experiments/events';
import type { ExperimentQueue } from './experiments/queue';
import type { RemainingTime } from './experiments/report/remainingTime';
import type { RunResult } from './experiments/report/runResult';
import type { ExperimentRun, ExperimentSpec } from './experiments/types';
import type { Result } from './result';
import type { ProgressEvent } from './training/progress';
import type { EvaluationReport, ScanReport, TrainConfig, TrainEvent } from './training/types';
import type { AppVersions } from './versions';

export type { Result } from './result';

export interface HostInfo {
  kind: 'electron' | 'web';
  /** The app and what it runs on (the About dialog). */
  versions: AppVersions;
  /** Where this host's third-party notices file is, when it has one. */
  notices: string | null;
  platform: string;
  /** Folders the host may read and write (web host: the ones the user named at start). */
  roots: readonly string[];
}

/**
 * Everything the Studio exports: pictures of the design, and the network in other frameworks'
 * formats (docs/export.md). A `file` is named by its extension (`graph.svg`, `net.onnx`) and the
 * hosts refuse any other name; a `folder` holds the format's files.
 */
export const EXPORT_FORMATS = {
  svg: { of: 'design image', writes: 'file' },
  png: { of: 'design image', writes: 'file' },
  onnx: { of: 'model', writes: 'file' },
  pytorch: { of: 'model', writes: 'folder' },
  tfjs: { of: 'model', writes: 'folder' },
} as const;
export type ExportFormat = keyof typeof EXPORT_FORMATS;
type ExportFormatOf<Of extends string> = { [F in ExportFormat]: (typeof EXPORT_FORMATS)[F]['of'] extends Of ? F : never }[ExportFormat];
export type ImageExportFormat = ExportFormatOf<'design image'>;
export type ModelExportFormat = ExportFormatOf<'model'>;
export const MODEL_EXPORT_FORMATS = (Object.keys(EXPORT_FORMATS) as ExportFormat[]).filter((format): format is ModelExportFormat => EXPORT_FORMATS[format].of === 'model');
/** The file names an export may have: `.svg`, `.png`, `.onnx`. */
export const EXPORT_FILE_EXTENSIONS = (Object.keys(EXPORT_FORMATS) as ExportFormat[]).filter((format) => EXPORT_FORMATS[format].writes === 'file').map((format) => `.${format}`);

export interface FileRef {
  path: string;
  name: string;
}

export interface DirectoryEntry {
  name: string;
  path: string;
  kind: 'file' | 'directory';
}

export interface OpenedDesign {
  file: FileRef;
  /** Raw text; the renderer parses it with app/design so errors show where they are. */
  text: string;
}

/** A dataset is a folder of class sub-folders or a CSV manifest of `path,label` rows. */
export const DATASET_KINDS = ['folder', 'csv'] as const;
export type DatasetKind = (typeof DATASET_KINDS)[number];

/** An unsaved design kept by the host so a crash, a closed tab or a reload loses at most a few seconds. */
export interface RecoveryCopy {
  /** One per window or browser tab, chosen by the page when it starts. */
  id: string;
  /** The design's name, and the file it belongs to when it was saved before. */
  name: string;
  file?: FileRef;
  /** When the host wrote it (ISO 8601). */
  savedAt: string;
  /** The design document as text. */
  text: string;
}

/** A file from the user's machine sent to the host: a path relative to the target folder, and its bytes. */
export interface UploadFile {
  path: string;
  base64: string;
}

export interface BackendStatus {
  name: BackendName;
  available: boolean;
  /** Why it is not available and what to install, when it is not; why it was not chosen, when it was passed over. */
  reason?: string;
  device?: string;
  /** The GPU it computes on, where it computes on one. */
  gpu?: GpuInfo;
}

/** What is known of a GPU: TensorFlow's device and nvidia-smi for CUDA, the adapter for WebGPU. */
export interface GpuInfo {
  name: string;
  /** The NVIDIA driver version (nvidia-smi). */
  driver?: string;
  /** The WebGPU adapter's vendor and architecture ("nvidia ampere"). */
  adapter?: string;
  /** Device memory where the driver tells it (TensorFlow's device, nvidia-smi); WebGPU does not. */
  memoryBytes?: number;
  /** WebGPU limits: the largest buffer and the largest storage binding; each caps one tensor. */
  maxBufferSize?: number;
  maxStorageBufferBindingSize?: number;
  /** A CPU renderer standing in for a GPU (SwiftShader, lavapipe): never chosen automatically. */
  software?: boolean;
}

export interface BackendReport {
  active: BackendName;
  device: string;
  backends: readonly BackendStatus[];
  /** Why the active backend is not the first available in the preference order (a measurement said so). */
  note?: string;
}

/** One backend's run of the doctor's fixed workload (a small Inception block, forward and backward). */
export interface BackendBenchmark {
  name: BackendName;
  device: string;
  /** Training throughput of the workload; absent when the run failed. */
  imagesPerSecond?: number;
  msPerStep?: number;
  steps?: number;
  error?: string;
}

/** `doctor`: what will compute on this machine, why the rest will not, and how fast each is. */
export interface DoctorReport {
  createdAt: string;
  versions: { node: string; electron: string | null; tfjs: string; platform: string; cpu: string };
  backends: readonly BackendStatus[];
  /** The benchmark, when it ran: the workload in words and one result per available backend. */
  benchmark: { workload: string; results: readonly BackendBenchmark[] } | null;
  /** The backend a run uses when none is named, after this report. */
  automatic: BackendName;
  /** Why `automatic` is not the first available in the preference order, when it is not. */
  automaticReason?: string;
}

/** What to train: the renderer's request, and with the run folder decided, the trainer process's (`TrainerStartRequest`). */
export interface TrainRequest {
  /** The design document as text (the renderer serialises it; a preset is first turned into its document). Unused when resuming. */
  design: string;
  /** Dataset folder or CSV manifest; absent means the bundled Fashion-MNIST sample. */
  data?: string;
  /** A separate validation folder or CSV; absent means a seeded split of `data`. */
  validation?: string;
  config: Partial<TrainConfig>;
  backend?: BackendName;
  /** The memory the user says the run may use (a GPU's, which WebGPU cannot read): the trainer's batch advice uses it. */
  memoryBytes?: number;
  /** Data-parallel replicas on wasm (worker threads, one wasm instance each); default: every core; 1 trains on one thread. */
  workers?: number;
  /** Megabytes of decoded training images kept in memory (`DEFAULT_IMAGE_CACHE_MB` when absent; 0: decode every image every epoch). */
  imageCacheMegabytes?: number;
  /** Continue a run from its last checkpoint. */
  resumeRunDir?: string;
  /** The design's file, when it was saved: the run list groups runs by it. */
  designFile?: string;
}

export interface RunSummary {
  runId: string;
  runDir: string;
  designName: string;
  /** The design file the run was started from; null for a design that was never saved. */
  designFile: string | null;
  /** The first start; every later resume is in `resumedAt`. */
  startedAt: string;
  resumedAt: readonly string[];
  epochs: number;
  bestValTop1: number | null;
  state: 'running' | 'completed' | 'cancelled' | 'failed';
  /** Why the run's event log could not be read (the summary then comes from `run.json` alone). */
  problem?: string;
}

export interface PredictRequest {
  /** A saved model directory, a run's checkpoint, or a design (random weights). */
  model: { kind: 'design'; design: string } | { kind: 'modelDir'; path: string };
  /** Images as file paths on the host, or encoded bytes (base64) dropped into the window. */
  images: readonly ({ path: string } | { name: string; base64: string })[];
  top: number;
  backend?: BackendName;
}

/** What an export reads: the design (its text) with the initial weights of `seed`, or a model directory (a run's checkpoint). */
export type ModelExportSource = { kind: 'design'; design: string; seed: number } | { kind: 'modelDir'; path: string };

export interface ModelExportRequest {
  format: ModelExportFormat;
  source: ModelExportSource;
  /** The name offered for the file (`net.onnx`) or folder (`net-pytorch`). */
  suggestedName: string;
  /**
   * `host`: written on the host — at `path`, else where the user picks (desktop), else under a free
   * name in the first root (web host). `download`: sent back to the window, a folder as one `.zip`.
   */
  to: 'host' | 'download';
  path?: string;
}

export type ModelExportResult = { kind: 'saved'; file: FileRef } | { kind: 'download'; name: string; base64: string };

/** A model directory written from weights trained elsewhere (`inception-studio import`). */
export interface ImportedModel {
  file: FileRef;
  designName: string;
  classNames: readonly string[];
}

/** What an import may read: a file (`.onnx`, a train.py checkpoint `.pt`/`.npz`) or a folder (a run, a PyTorch export). */
export const IMPORT_SOURCE_KINDS = ['file', 'folder'] as const;
export type ImportSourceKind = (typeof IMPORT_SOURCE_KINDS)[number];

export interface ImagePrediction {
  image: string;
  top: readonly { classIndex: number; label: string; probability: number }[];
  error?: string;
}

/** What ran the network: onnxruntime-node on the model directory's ONNX export, or TensorFlow.js. */
export type InferenceRuntime = 'onnxruntime' | 'tfjs';

/** What ran a `predict` or an `evaluate`, for the window to say as the CLI does. */
export interface InferenceReport {
  runtime: InferenceRuntime;
  /** The TensorFlow.js backend that loaded, and its device: what ran the network under `tfjs`. */
  backend: BackendName;
  device: string;
}

/** `predict`'s answer: each image's top classes, and what computed them. */
export interface PredictionReport {
  predictions: readonly ImagePrediction[];
  inference: InferenceReport;
}

/** `evaluate`'s answer: the metrics, and what computed them. */
export type ModelEvaluation = EvaluationReport & { inference: InferenceReport };

/** An experiment the host keeps: a folder in its experiments folder, named by `id`. */
export interface ExperimentSummary {
  id: string;
  name: string;
  runs: number;
  completed: number;
  /** Runs queued or interrupted. */
  remaining: number;
  paused: boolean;
  /** A runner works through its queue in this session; an experiment left by an earlier session continues on `resume`. */
  active: boolean;
}

/** What the "New experiment" dialog shows before anything runs: the runs, each variant's size and the time it should take. */
export interface ExperimentPreview {
  runs: number;
  variants: readonly { variant: string; runs: number; params: number; macs: number }[];
  backend: BackendName;
  /** Images each epoch trains on; null when the dataset could not be scanned. */
  trainImages: number | null;
  estimate: ExperimentEstimate;
}

/** An experiment as the queue and comparison views show it: every run's state and, once it trained, its curve and numbers. */
export interface ExperimentStatus {
  id: string;
  /** Its folder on the host (the report lies in `report/`). */
  dir: string;
  spec: ExperimentSpec;
  runs: readonly ExperimentRun[];
  queue: ExperimentQueue;
  /** In queue order. */
  results: readonly RunResult[];
  active: boolean;
  /** From the epochs trained so far; null before the first. */
  remaining: RemainingTime | null;
}

/** What the queue view asks of an experiment: the runner's own operations. */
export type ExperimentAction = { type: 'pause' } | { type: 'resume' } | { type: 'cancel'; runId: string } | { type: 'move'; runId: string; index: number };

/**
 * Events pushed from host to UI; the renderer handles each type in one exhaustive handler
 * (renderer/commands/hostEvents.ts). `unsavedChecked`: the host has already asked about unsaved
 * changes (the desktop's Save / Don't Save / Cancel) before a command that replaces the
 * document, so the renderer does not ask again.
 */
export type HostEvent =
  | { type: 'train'; runId: string; event: TrainEvent }
  | { type: 'trainer-crashed'; runId: string | null; message: string; lastCheckpoint: string | null }
  | { type: 'menu'; command: MenuCommand; unsavedChecked: boolean }
  /** The OS, the command line, a second instance or Open Recent asked to open this design. */
  | { type: 'open-file'; path: string; unsavedChecked: boolean }
  /** A dataset scan, evaluation or prediction under way (at most 4 a second, and the last). */
  | { type: 'progress'; event: ProgressEvent }
  /** An experiment's runner reported (queue changes, run starts and ends, each run's training events). */
  | { type: 'experiment'; id: string; event: ExperimentEvent };

/** The commands of the host's menus (the desktop menu bar and its accelerators), as data. */
export const MENU_COMMANDS = [
  'new',
  'open',
  'save',
  'saveAs',
  'exportPng',
  'exportSvg',
  'exportModel',
  'importModel',
  'undo',
  'redo',
  'cut',
  'copy',
  'paste',
  'delete',
  'selectAll',
  'zoomIn',
  'zoomOut',
  'fitView',
  'togglePanels',
  'validate',
  'train',
  'stop',
  'predict',
  'newExperiment',
  'experiments',
  'about',
] as const;

/** Opens one of the paper's architectures by its preset name. */
export type PresetCommand = `preset:${string}`;
export const PRESET_COMMAND_PREFIX = 'preset:';

export type MenuCommand = (typeof MENU_COMMANDS)[number] | PresetCommand;

/** What the renderer may ask of its host. Each method maps to one IPC channel / HTTP route. */
export interface StudioHost {
  info(): Promise<HostInfo>;
  /** With no path the desktop host shows a native dialog; `null` when the user cancels. */
  openDesign(request: { path?: string }): Promise<Result<OpenedDesign | null>>;
  saveDesign(request: { path?: string; suggestedName: string; text: string }): Promise<Result<FileRef | null>>;
  listDirectory(request: { path: string }): Promise<Result<readonly DirectoryEntry[]>>;
  recentFiles(): Promise<readonly string[]>;
  /** Tell the host whether the document has unsaved changes (close prompt, title). */
  setDocumentState(request: { title: string; dirty: boolean }): Promise<void>;
  exportFile(request: { suggestedName: string; base64: string }): Promise<Result<FileRef | null>>;
  /** Keeps (replaces) the recovery copy `id` of an unsaved design. */
  saveRecovery(request: { id: string; name: string; file?: FileRef; text: string }): Promise<Result<null>>;
  /** The recovery copies left by windows or tabs that closed, crashed or reloaded unsaved, newest first. */
  recoveryCopies(): Promise<Result<readonly RecoveryCopy[]>>;
  discardRecovery(request: { id: string }): Promise<Result<null>>;
  /**
   * Writes files from the user's machine into `folder` (a folder inside the host's roots),
   * creating subfolders of their relative paths. Refuses the whole batch, writing nothing, when
   * a path leaves the folder, names a hidden or unexpected kind of file, exceeds the size limits
   * or already exists. Returns the written paths.
   */
  uploadFiles(request: { folder: string; files: readonly UploadFile[] }): Promise<Result<readonly string[]>>;
  /** A model directory packed as one zip archive (`<name>.zip` holding the folder `<name>/`), for a browser download. */
  modelArchive(request: { source: string; name?: string }): Promise<Result<{ name: string; base64: string }>>;
  backends(): Promise<BackendReport>;
  /**
   * Every backend with why it is (un)available, the device, the versions, and with `benchmark`
   * a few seconds of the doctor's workload per available backend; the fastest measured becomes
   * the automatic choice (`inception-studio doctor` does the same).
   */
  doctor(request: { benchmark: boolean }): Promise<Result<DoctorReport>>;
  /**
   * The desktop's native dialog for a dataset folder or CSV manifest; the host may then read
   * inside that folder. `null` when the user cancels. The web host has no dialog: its page
   * browses the host's folders with `listDirectory`.
   */
  chooseDataset(request: { kind: DatasetKind }): Promise<Result<string | null>>;
  scanDataset(request: { path?: string; inputSize: number }): Promise<Result<ScanReport>>;
  startTraining(request: TrainRequest): Promise<Result<{ runId: string; runDir: string }>>;
  pauseTraining(request: { runId: string }): Promise<Result<null>>;
  resumeTraining(request: { runId: string }): Promise<Result<null>>;
  stopTraining(request: { runId: string }): Promise<Result<null>>;
  listRuns(request: { designName?: string }): Promise<Result<readonly RunSummary[]>>;
  predict(request: PredictRequest): Promise<Result<PredictionReport>>;
  /**
   * Copies a model directory (a run's `checkpoints/best` or `checkpoints/last`) to a new model
   * directory: the desktop host asks where (null on cancel); the web host uses `path` when given,
   * else a free name in its first root.
   */
  saveModel(request: { source: string; path?: string; suggestedName: string }): Promise<Result<FileRef | null>>;
  /**
   * A model directory evaluated on a dataset (the engine's `evaluateModelDir`; central crops, no
   * augmentation): loss, top-1, top-5 and the confusion matrix. `data` absent: the bundled sample.
   */
  evaluate(request: { model: string; data?: string; backend?: BackendName }): Promise<Result<ModelEvaluation>>;
  /** The events a run logged (`events.jsonl` in its folder; no per-step events), to chart past runs. */
  runEvents(request: { runDir: string }): Promise<Result<readonly TrainEvent[]>>;
  /** A network in another framework's format (the engine's `exportModel`, as `inception-studio export`). Null when the user cancels. */
  exportModel(request: ModelExportRequest): Promise<Result<ModelExportResult | null>>;
  /** The desktop's native dialog for what to import; the host may then read it. The web host browses with `listDirectory`. */
  chooseImportSource(request: { kind: ImportSourceKind }): Promise<Result<string | null>>;
  /**
   * Weights trained elsewhere as a new model directory (the engine's `importModel`, as
   * `inception-studio import`): the desktop host asks where (null on cancel); the web host uses
   * `path` when given, else a free name in its first root.
   */
  importModel(request: { source: string; path?: string; suggestedName: string }): Promise<Result<ImportedModel | null>>;
  /** The experiments in the host's experiments folder, newest first. */
  listExperiments(): Promise<Result<readonly ExperimentSummary[]>>;
  /**
   * An experiment spec (JSON text, `docs/experiments.md`; paths absolute) checked, its designs
   * built and analysed, the dataset scanned, and the time estimated; nothing runs.
   */
  previewExperiment(request: { spec: string }): Promise<Result<ExperimentPreview>>;
  /**
   * Plans the spec into a new folder (or continues the folder of the same plan) and starts its
   * queue; the same runner as the command line. `parallel`: runs side by side (`--parallel`; default 1).
   */
  startExperiment(request: { spec: string; parallel?: number }): Promise<Result<{ id: string }>>;
  experimentStatus(request: { id: string }): Promise<Result<ExperimentStatus>>;
  /** Pause, resume (also an experiment an earlier session left), cancel a run, or move a queued run. */
  controlExperiment(request: { id: string; action: ExperimentAction }): Promise<Result<null>>;
  /** Writes the experiment's Markdown report (table, figures, settings of every run) and returns it. */
  experimentReport(request: { id: string }): Promise<Result<{ path: string; markdown: string }>>;
  onEvent(listener: (event: HostEvent) => void): () => void;
}

export type StudioMethod = Exclude<keyof StudioHost, 'onEvent'>;

/** The request a method takes (undefined for those without one). */
export type RequestOf<M extends StudioMethod> = Parameters<StudioHost[M]>[0];

/**
 * Every contract method, as data: the preload, the IPC registration and the web client iterate
 * it. The mapped type makes a method added to StudioHost a compile error here until listed.
 */
export const STUDIO_METHODS: { readonly [K in StudioMethod]: true } = {
  info: true,
  openDesign: true,
  saveDesign: true,
  listDirectory: true,
  recentFiles: true,
  setDocumentState: true,
  exportFile: true,
  saveRecovery: true,
  recoveryCopies: true,
  discardRecovery: true,
  uploadFiles: true,
  modelArchive: true,
  backends: true,
  doctor: true,
  chooseDataset: true,
  scanDataset: true,
  startTraining: true,
  pauseTraining: true,
  resumeTraining: true,
  stopTraining: true,
  listRuns: true,
  predict: true,
  saveModel: true,
  evaluate: true,
  runEvents: true,
  exportModel: true,
  chooseImportSource: true,
  importModel: true,
  listExperiments: true,
  previewExperiment: true,
  startExperiment: true,
  experimentStatus: true,
  controlExperiment: true,
  experimentReport: true,
};

export const studioMethodNames = Object.keys(STUDIO_METHODS) as StudioMethod[];

/**
 * The methods that do compute work (training, datasets, inference): each host hands them to its
 * trainer processes and its engine worker, after checking the paths they name.
 */
export const COMPUTE_METHODS = ['backends', 'doctor', 'scanDataset', 'startTraining', 'pauseTraining', 'resumeTraining', 'stopTraining', 'listRuns', 'predict', 'evaluate', 'exportModel', 'importModel'] as const satisfies readonly StudioMethod[];
export type ComputeMethod = (typeof COMPUTE_METHODS)[number];
