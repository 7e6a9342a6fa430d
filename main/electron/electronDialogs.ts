/** Native file and unsaved-changes dialogs for the desktop host. */

import type { BrowserWindow, MessageBoxOptions, OpenDialogOptions, SaveDialogOptions } from 'electron';
import { dialog } from 'electron';
import { extname } from 'node:path';
import { DESIGN_EXTENSION } from '../../app/design/types';
import { withDesignExtension } from '../../app/design/designExtension';
import type { FileDialogs } from '../ipc/hostServices';
import type { UnsavedChoice } from '../window/documentGuard';

const DESIGN_FILTER = { name: 'Inception Studio design', extensions: [DESIGN_EXTENSION.slice(1)] };

export function electronDialogs(window: () => BrowserWindow | null): FileDialogs {
  const open = async (options: OpenDialogOptions): Promise<string | null> => {
    const owner = window();
    const result = owner ? await dialog.showOpenDialog(owner, options) : await dialog.showOpenDialog(options);
    return result.canceled ? null : (result.filePaths[0] ?? null);
  };
  const save = async (options: SaveDialogOptions): Promise<string | null> => {
    const owner = window();
    const result = owner ? await dialog.showSaveDialog(owner, options) : await dialog.showSaveDialog(options);
    return result.canceled || !result.filePath ? null : result.filePath;
  };
  return {
    chooseDesignToOpen: () => open({ properties: ['openFile'], filters: [DESIGN_FILTER, { name: 'All files', extensions: ['*'] }] }),
    chooseDesignSaveTarget: async (suggestedName) => {
      const chosen = await save({ defaultPath: withDesignExtension(suggestedName), filters: [DESIGN_FILTER] });
      return chosen === null ? null : withDesignExtension(chosen);
    },
    chooseExportTarget: async (suggestedName) => {
      // The export's format is fixed by the renderer; a name typed without it gets it.
      const extension = extname(suggestedName);
      const chosen = await save({ defaultPath: suggestedName, filters: [{ name: `${extension.slice(1).toUpperCase()} file`, extensions: [extension.slice(1)] }] });
      return chosen === null || chosen.toLowerCase().endsWith(extension.toLowerCase()) ? chosen : `${chosen}${extension}`;
    },
    chooseModelSaveTarget: (suggestedName) => save({ title: 'Save model folder as', defaultPath: suggestedName, buttonLabel: 'Save Model' }),
    // Linux and Windows dialogs pick files or folders, never both: one kind per call.
    chooseDataset: (kind) =>
      kind === 'folder'
        ? open({ title: 'Choose the dataset folder (one sub-folder per class)', properties: ['openDirectory'], buttonLabel: 'Use Folder' })
        : open({ title: 'Choose the dataset manifest (path,label rows)', properties: ['openFile'], filters: [{ name: 'CSV manifest', extensions: ['csv'] }], buttonLabel: 'Use Manifest' }),
    chooseImportSource: (kind) =>
      kind === 'folder'
        ? open({ title: 'Choose a train.py run folder or a PyTorch export folder', properties: ['openDirectory'], buttonLabel: 'Import Folder' })
        : open({ title: 'Choose an exported .onnx or a train.py checkpoint', properties: ['openFile'], filters: [{ name: 'ONNX model or checkpoint', extensions: ['onnx', 'pt', 'npz'] }], buttonLabel: 'Import File' }),
  };
}

export async function askAboutUnsavedChanges(window: BrowserWindow | null, name: string): Promise<UnsavedChoice> {
  const options: MessageBoxOptions = {
    type: 'warning',
    buttons: ['Save', "Don't Save", 'Cancel'],
    defaultId: 0,
    cancelId: 2,
    message: `Save the changes to “${name}”?`,
    detail: 'Your changes will be lost if you do not save them.',
  };
  const { response } = window ? await dialog.showMessageBox(window, options) : await dialog.showMessageBox(options);
  return (['save', 'discard', 'cancel'] as const)[response] ?? 'cancel';
}
