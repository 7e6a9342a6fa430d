/**
 * The native menu as data: File, Edit, View, Presets, Run, Help with each platform's usual
 * accelerators. Pure (no Electron at run time), so its shape and its clicks are tested in Node;
 * `applicationMenu.ts` hands it to `Menu.buildFromTemplate`.
 */

import type { MenuItemConstructorOptions } from 'electron';
import type { MenuCommand } from '../../app/protocol';
import type { PresetInfo } from '../../app/presets';

export interface MenuActions {
  /** A command for the renderer (after any unsaved-changes prompt the host adds). */
  command(command: MenuCommand): void;
  openRecent(path: string): void;
  clearRecent(): void;
  openExternal(url: string): void;
}

export interface MenuContext {
  platform: NodeJS.Platform;
  appName: string;
  presets: readonly PresetInfo[];
  recent: readonly string[];
  /** Adds the developer tools item. */
  development: boolean;
}

export const PAPER_URL = 'https://arxiv.org/abs/1602.07261';
export const PROJECT_URL = 'https://github.com/inception-studio/inception-studio#readme';

const fileName = (path: string): string => path.split(/[\\/]/).pop() ?? path;

export function buildMenuTemplate(context: MenuContext, actions: MenuActions): MenuItemConstructorOptions[] {
  const mac = context.platform === 'darwin';
  const item = (label: string, command: MenuCommand, accelerator?: string): MenuItemConstructorOptions => ({
    label,
    accelerator,
    click: () => actions.command(command),
  });

  const recentItems: MenuItemConstructorOptions[] = context.recent.length
    ? [
        ...context.recent.map((path) => ({ label: fileName(path), sublabel: path, click: () => actions.openRecent(path) })),
        { type: 'separator' },
        { label: 'Clear Recent', click: () => actions.clearRecent() },
      ]
    : [{ label: 'No Recent Designs', enabled: false }];

  const file: MenuItemConstructorOptions = {
    label: '&File',
    submenu: [
      item('New Design', 'new', 'CmdOrCtrl+N'),
      item('Open…', 'open', 'CmdOrCtrl+O'),
      { label: 'Open Recent', submenu: recentItems },
      { type: 'separator' },
      item('Save', 'save', 'CmdOrCtrl+S'),
      item('Save As…', 'saveAs', 'CmdOrCtrl+Shift+S'),
      item('Export…', 'export', 'CmdOrCtrl+E'),
      ...(mac ? [] : [{ type: 'separator' } as const, { label: 'Quit', role: 'quit', accelerator: 'Ctrl+Q' } as const]),
    ],
  };

  const edit: MenuItemConstructorOptions = {
    label: '&Edit',
    submenu: [
      item('Undo', 'undo', 'CmdOrCtrl+Z'),
      item('Redo', 'redo', mac ? 'Cmd+Shift+Z' : 'Ctrl+Y'),
      { type: 'separator' },
      item('Cut', 'cut', 'CmdOrCtrl+X'),
      item('Copy', 'copy', 'CmdOrCtrl+C'),
      item('Paste', 'paste', 'CmdOrCtrl+V'),
      item('Delete', 'delete', mac ? 'Backspace' : 'Delete'),
      { type: 'separator' },
      item('Select All', 'selectAll', 'CmdOrCtrl+A'),
    ],
  };

  const view: MenuItemConstructorOptions = {
    label: '&View',
    submenu: [
      item('Zoom In', 'zoomIn', 'CmdOrCtrl+='),
      item('Zoom Out', 'zoomOut', 'CmdOrCtrl+-'),
      item('Fit to Window', 'fitView', 'CmdOrCtrl+0'),
      { type: 'separator' },
      item('Toggle Panels', 'togglePanels', 'CmdOrCtrl+\\'),
      { type: 'separator' },
      { role: 'togglefullscreen' },
      ...(context.development ? [{ role: 'toggleDevTools' } as const] : []),
    ],
  };

  const presetsMenu: MenuItemConstructorOptions = {
    label: '&Presets',
    submenu: context.presets.map((preset) => ({ label: preset.title, toolTip: preset.note, click: () => actions.command(`preset:${preset.name}`) })),
  };

  const run: MenuItemConstructorOptions = {
    label: '&Run',
    submenu: [
      item('Validate', 'validate', 'CmdOrCtrl+Shift+V'),
      item('Train…', 'train', 'F5'),
      item('Stop', 'stop', 'Shift+F5'),
      { type: 'separator' },
      item('Predict…', 'predict', 'CmdOrCtrl+Shift+P'),
    ],
  };

  const help: MenuItemConstructorOptions = {
    label: '&Help',
    role: 'help',
    submenu: [
      { label: 'Inception-v4 and Inception-ResNet (paper)', click: () => actions.openExternal(PAPER_URL) },
      { label: 'Documentation', click: () => actions.openExternal(PROJECT_URL) },
      ...(mac ? [] : [{ type: 'separator' } as const, { role: 'about', label: `About ${context.appName}` } as const]),
    ],
  };

  const appMenu: MenuItemConstructorOptions = {
    label: context.appName,
    submenu: [{ role: 'about' }, { type: 'separator' }, { role: 'services' }, { type: 'separator' }, { role: 'hide' }, { role: 'hideOthers' }, { role: 'unhide' }, { type: 'separator' }, { role: 'quit' }],
  };

  return [...(mac ? [appMenu] : []), file, edit, view, presetsMenu, run, help];
}

/** Edit commands the host also performs natively in the focused page, so text fields keep working. */
export const NATIVE_EDIT_COMMANDS = ['undo', 'redo', 'cut', 'copy', 'paste', 'delete', 'selectAll'] as const satisfies readonly MenuCommand[];
