/**
 * Registers one `ipcMain.handle` per contract method; each call passes the sender check and its
 * schema first. The sender must be the main frame of a page served from the app's own protocol:
 * an iframe, even one showing the app's URL, is refused.
 */

import type { IpcMainInvokeEvent } from 'electron';
import { ipcMain } from 'electron';
import { studioMethodNames } from '../../app/protocol';
import { methodChannel } from '../ipc/channels';
import { dispatchRequest, isTrustedSenderUrl } from '../ipc/dispatch';
import type { Handlers } from '../ipc/handlerTypes';

export function registerIpcHandlers(handlers: Handlers): void {
  for (const method of studioMethodNames) {
    ipcMain.handle(methodChannel(method), async (event: IpcMainInvokeEvent, payload: unknown) => {
      const frame = event.senderFrame;
      const trusted = frame !== null && frame === event.sender.mainFrame && isTrustedSenderUrl(frame.url);
      const result = await dispatchRequest(handlers, method, payload, trusted);
      if (result.status === 'refused') throw new Error(result.message);
      return result.value;
    });
  }
}
