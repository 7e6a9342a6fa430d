/**
 * What the contract handlers need from their host. The desktop and web hosts build one of these
 * each; tests build one from fakes. No Electron here: the handlers run in plain Node.
 */

import type { DatasetKind, HostInfo, ImportSourceKind } from '../../app/protocol';
import type { ParseResult } from '../../app/design/types';
import type { ExperimentService } from '../experiments/experimentService';
import type { ComputeService } from './computeContract';
import type { PathPolicy } from '../files/pathPolicy';
import type { RecentFiles } from '../files/recentFiles';
import type { RecoveryStore } from '../files/recoveryStore';

/** Native file dialogs (desktop only); each resolves to the chosen path or null on cancel. */
export interface FileDialogs {
  chooseDesignToOpen(): Promise<string | null>;
  chooseDesignSaveTarget(suggestedName: string): Promise<string | null>;
  chooseExportTarget(suggestedName: string): Promise<string | null>;
  /** Where to put a copied model directory (a folder that does not exist yet). */
  chooseModelSaveTarget(suggestedName: string): Promise<string | null>;
  /** A dataset folder, or a CSV manifest file. */
  chooseDataset(kind: DatasetKind): Promise<string | null>;
  /** What to import: an `.onnx` or checkpoint file, or a run or PyTorch export folder. */
  chooseImportSource(kind: ImportSourceKind): Promise<string | null>;
}

export interface HostServices {
  info: Omit<HostInfo, 'roots'>;
  /** Paths the renderer names are checked against this; what the user picks in a dialog is granted. */
  paths: PathPolicy;
  /** Null on the web host: a path must then be given, or files go to the first root. */
  dialogs: FileDialogs | null;
  recent: RecentFiles;
  /** Recovery copies of unsaved designs, in the host's own folder. */
  recovery: RecoveryStore;
  parseDesign(text: string): ParseResult;
  onDocumentState(state: { title: string; dirty: boolean }): void;
  compute: ComputeService;
  /** Experiments: the command line's planner, queue runner and report, over the host's trainer processes. */
  experiments: ExperimentService;
}
