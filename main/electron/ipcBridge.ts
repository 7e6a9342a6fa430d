/** Registers one `ipcMain.handle` per contract method; each call passes the sender check and its schema first. */

import type { IpcMainInvokeEvent } from 'electron';
import { ipcMain } from 'electron';
import { studioMethodNames } from '../../app/protocol';
import { methodChannel } from '../ipc/channels';
import { dispatchRequest, isTrustedSenderUrl } from '../ipc/dispatch';
import type { Handlers } from '../ipc/handlerTypes';

export function registerIpcHandlers(handlers: Handlers): void {
  for (const method of studioMethodNames) {
    ipcMain.handle(methodChannel(method), async (event: IpcMainInvokeEvent, payload: unknown) => {
      const result = await dispatchRequest(handlers, method, payload, isTrustedSenderUrl(event.senderFrame?.url));
      if (result.status === 'refused') throw new Error(result.message);
      return result.value;
    });
  }
}
