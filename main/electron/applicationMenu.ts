/** Installs the native menu built by `buildMenuTemplate`; rebuilt when the recent files change. */

import { Menu } from 'electron';
import type { MenuActions, MenuContext } from '../menu/menuTemplate';
import { buildMenuTemplate } from '../menu/menuTemplate';

export function installApplicationMenu(context: MenuContext, actions: MenuActions): void {
  Menu.setApplicationMenu(Menu.buildFromTemplate(buildMenuTemplate(context, actions)));
}
