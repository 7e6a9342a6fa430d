/**
 * The preload: exposes exactly the StudioHost methods as `window.studio`. Each method invokes
 * its own channel with one payload; the renderer never sees `ipcRenderer` itself. No host event
 * is lost to timing: those sent before the first subscription are handed to it.
 */

import { contextBridge, ipcRenderer } from 'electron';
import type { HostEvent, StudioHost } from '../../app/protocol';
import { studioMethodNames } from '../../app/protocol';
import { EVENT_CHANNEL, methodChannel } from '../ipc/channels';

const methods = Object.fromEntries(studioMethodNames.map((method) => [method, (request?: unknown) => ipcRenderer.invoke(methodChannel(method), request)]));

// Events the host sends before the page subscribes (a design to open at launch arrives once the
// page has loaded, which can be before React's effects run) wait here for the first listener.
let early: HostEvent[] | null = [];
const keep = (_event: unknown, hostEvent: HostEvent): void => void early?.push(hostEvent);
ipcRenderer.on(EVENT_CHANNEL, keep);

const studio: StudioHost = {
  ...(methods as Omit<StudioHost, 'onEvent'>),
  onEvent(listener) {
    const forward = (_event: unknown, hostEvent: HostEvent): void => listener(hostEvent);
    ipcRenderer.on(EVENT_CHANNEL, forward);
    if (early !== null) {
      const waiting = early;
      early = null;
      ipcRenderer.removeListener(EVENT_CHANNEL, keep);
      for (const hostEvent of waiting) listener(hostEvent);
    }
    return () => void ipcRenderer.removeListener(EVENT_CHANNEL, forward);
  },
};

contextBridge.exposeInMainWorld('studio', studio);
