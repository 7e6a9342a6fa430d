/** Runs ELK off the UI thread: one request in, positions (or an error message) out. */

import ELK from 'elkjs/lib/elk.bundled.js';
import { errorMessage } from '../../app/result';
import { fromElkGraph, toElkGraph, type LayoutRequest } from './elkGraph';

const elk = new ELK();
interface WorkerScope {
  onmessage: ((event: MessageEvent<{ id: number; request: LayoutRequest }>) => void) | null;
  postMessage(message: unknown): void;
}

const scope = self as unknown as WorkerScope;

scope.onmessage = async (event: MessageEvent<{ id: number; request: LayoutRequest }>) => {
  const { id, request } = event.data;
  try {
    const positions = fromElkGraph(await elk.layout(toElkGraph(request)));
    scope.postMessage({ id, positions });
  } catch (error) {
    scope.postMessage({ id, error: errorMessage(error) });
  }
};
