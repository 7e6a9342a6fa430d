/**
 * The preload: exposes exactly the StudioHost methods as `window.studio`. Each method invokes
 * its own channel with one payload; the renderer never sees `ipcRenderer` itself.
 */

import { contextBridge, ipcRenderer } from 'electron';
import type { HostEvent, StudioHost } from '../../app/protocol';
import { studioMethodNames } from '../../app/protocol';
import { EVENT_CHANNEL, methodChannel } from '../ipc/channels';

const methods = Object.fromEntries(studioMethodNames.map((method) => [method, (request?: unknown) => ipcRenderer.invoke(methodChannel(method), request)]));

const studio: StudioHost = {
  ...(methods as Omit<StudioHost, 'onEvent'>),
  onEvent(listener) {
    const forward = (_event: unknown, hostEvent: HostEvent): void => listener(hostEvent);
    ipcRenderer.on(EVENT_CHANNEL, forward);
    return () => void ipcRenderer.removeListener(EVENT_CHANNEL, forward);
  },
};

contextBridge.exposeInMainWorld('studio', studio);
