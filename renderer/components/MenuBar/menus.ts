/** The designer's menus: the web host's part of the shared menu model (app/menu), with shortcut text for this platform. */

import { buildMenuModel, menuForHost, shortcutText } from '../../../app/menu/menuModel';
import { presets } from '../../../app/presets/index';
import type { EditorCommand } from '../../../app/menu/menuModel';

export interface MenuItem {
  command: EditorCommand;
  label: string;
  /** Shown beside the label; '' when the command has no key. */
  shortcut: string;
}

export interface Menu {
  label: string;
  items: readonly MenuItem[];
}

function pageMenus(mac: boolean): readonly Menu[] {
  return menuForHost(buildMenuModel(presets), 'web').map((section) => ({
    label: section.label,
    items: section.entries.flatMap((entry) => {
      if (entry.type !== 'command') return [];
      const keys = entry.pageShortcut ?? entry.shortcut;
      return [{ command: entry.command, label: entry.label, shortcut: keys ? shortcutText(keys, mac) : '' }];
    }),
  }));
}

export const menus: readonly Menu[] = pageMenus(typeof navigator !== 'undefined' && /Mac/.test(navigator.platform));
