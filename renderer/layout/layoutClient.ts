/** Lays out a graph in the ELK web worker; one worker, started on first use, requests queued by id. */

import type { LayoutRequest, LayoutResult } from './elkGraph';

type Reply = { id: number; positions: LayoutResult } | { id: number; error: string };

let worker: Worker | null = null;
let nextId = 1;
const pending = new Map<number, { resolve(r: LayoutResult): void; reject(e: Error): void }>();

function start(): Worker {
  const created = new Worker(new URL('./layout.worker.ts', import.meta.url), { type: 'module' });
  created.onmessage = (event: MessageEvent<Reply>) => {
    const waiting = pending.get(event.data.id);
    if (!waiting) return;
    pending.delete(event.data.id);
    if ('error' in event.data) waiting.reject(new Error(`Automatic layout failed: ${event.data.error}`));
    else waiting.resolve(event.data.positions);
  };
  created.onerror = (event) => {
    for (const waiting of pending.values()) waiting.reject(new Error(`Automatic layout failed: ${event.message}`));
    pending.clear();
    worker = null;
  };
  return created;
}

export function layoutGraph(request: LayoutRequest): Promise<LayoutResult> {
  worker ??= start();
  const id = nextId++;
  const running = worker;
  return new Promise((resolve, reject) => {
    pending.set(id, { resolve, reject });
    running.postMessage({ id, request });
  });
}
