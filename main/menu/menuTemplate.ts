/**
 * The native menu: the shared model (app/menu) turned into Electron's template, with each
 * platform's accelerators and the native-only parts (app menu, Open Recent, Quit, roles). Pure
 * (no Electron at run time), so its shape and its clicks are tested in Node;
 * `applicationMenu.ts` hands it to `Menu.buildFromTemplate`.
 */

import type { MenuItemConstructorOptions } from 'electron';
import type { MenuEntry, MenuSlotName } from '../../app/menu/menuModel';
import { buildMenuModel, keysFor, menuForHost } from '../../app/menu/menuModel';
import type { MenuCommand } from '../../app/protocol';
import type { PresetInfo } from '../../app/presets';

export { PAPER_URL, PROJECT_URL } from '../../app/menu/menuModel';

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

const fileName = (path: string): string => path.split(/[\\/]/).pop() ?? path;

/** 'Mod' in the model is Electron's 'CmdOrCtrl'. */
const accelerator = (keys: string): string => keys.replace(/\bMod\b/g, 'CmdOrCtrl');

function slotItems(slot: MenuSlotName, context: MenuContext, actions: MenuActions): MenuItemConstructorOptions[] {
  const mac = context.platform === 'darwin';
  switch (slot) {
    case 'recent':
      return [
        {
          label: 'Open Recent',
          submenu: context.recent.length
            ? [
                ...context.recent.map((path) => ({ label: fileName(path), sublabel: path, click: () => actions.openRecent(path) })),
                { type: 'separator' },
                { label: 'Clear Recent', click: () => actions.clearRecent() },
              ]
            : [{ label: 'No Recent Designs', enabled: false }],
        },
      ];
    case 'quit':
      return mac ? [] : [{ type: 'separator' }, { label: 'Quit', role: 'quit', accelerator: 'Ctrl+Q' }];
    case 'fullscreen':
      return [{ role: 'togglefullscreen' }];
    case 'devTools':
      return context.development ? [{ role: 'toggleDevTools' }] : [];
  }
}

function nativeItems(entry: MenuEntry, context: MenuContext, actions: MenuActions): MenuItemConstructorOptions[] {
  switch (entry.type) {
    case 'separator':
      return [{ type: 'separator' }];
    case 'link':
      return [{ label: entry.label, click: () => actions.openExternal(entry.url) }];
    case 'slot':
      return slotItems(entry.slot, context, actions);
    case 'command': {
      // The desktop menu holds only host commands (the model marks designer commands web-only).
      const command = entry.command as MenuCommand;
      const item: MenuItemConstructorOptions = { label: entry.label, click: () => actions.command(command) };
      if (entry.shortcut) item.accelerator = accelerator(keysFor(entry.shortcut, context.platform === 'darwin'));
      if (entry.tooltip) item.toolTip = entry.tooltip;
      return [item];
    }
  }
}

export function buildMenuTemplate(context: MenuContext, actions: MenuActions): MenuItemConstructorOptions[] {
  const sections: MenuItemConstructorOptions[] = menuForHost(buildMenuModel(context.presets), 'desktop').map((section) => ({
    label: `&${section.label}`,
    ...(section.id === 'help' ? { role: 'help' as const } : {}),
    submenu: section.entries.flatMap((entry) => nativeItems(entry, context, actions)),
  }));

  const appMenu: MenuItemConstructorOptions = {
    label: context.appName,
    // The app's own About dialog (versions of the app, Electron, Node.js, TensorFlow.js), as in Help.
    submenu: [{ label: `About ${context.appName}`, click: () => actions.command('about') }, { type: 'separator' }, { role: 'services' }, { type: 'separator' }, { role: 'hide' }, { role: 'hideOthers' }, { role: 'unhide' }, { type: 'separator' }, { role: 'quit' }],
  };

  return [...(context.platform === 'darwin' ? [appMenu] : []), ...sections];
}

/** Edit commands the host also performs natively in the focused page, so text fields keep working. */
export const NATIVE_EDIT_COMMANDS = ['undo', 'redo', 'cut', 'copy', 'paste', 'delete', 'selectAll'] as const satisfies readonly MenuCommand[];
