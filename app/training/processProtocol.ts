/**
 * The messages between a trainer process and whoever started it (the CLI and web host through
 * `child_process.fork`, the desktop host through Electron's `utilityProcess`). Parent → child:
 * `TrainerCommand`; child → parent: `TrainEvent`. Types plus a validator for the child side.
 */

import type { TrainRequest } from '../protocol';
import type { Result } from '../result';
import { imageCacheProblem } from './imageCache';
import { workersProblem } from './replicas';

/**
 * A run to start: the host contract's `TrainRequest` with its folder decided. A new run gets a
 * fresh `runDir`; continuing one (`resumeRunDir` in the request) trains on in that folder from
 * its last checkpoint, with the design, data and settings recorded there.
 */
export type TrainerStartRequest = Omit<TrainRequest, 'resumeRunDir'> & {
  /** Names the run in events; default: the run folder's name. */
  runId?: string;
  /** Where checkpoints and the metrics log go; a new run creates it. */
  runDir: string;
  /** Continue the run in `runDir` from its last checkpoint. */
  resume?: boolean;
  /**
   * Real folders every dataset path must lie in, those in a resumed run's `run.json` and a CSV
   * manifest's rows included (a host's roots); absent on the command line.
   */
  roots?: readonly string[];
};

export type TrainerCommand =
  | { type: 'start'; request: TrainerStartRequest }
  | { type: 'pause' }
  | { type: 'resume' }
  | { type: 'stop' };

const isRecord = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value);
const optionalString = (value: unknown): boolean => value === undefined || typeof value === 'string';

/** Checks a message received by the trainer; returns why it is not a command when it is not. */
export function parseTrainerCommand(value: unknown): Result<TrainerCommand> {
  if (!isRecord(value) || typeof value.type !== 'string') return { ok: false, error: 'trainer message must be an object with a string "type"' };
  switch (value.type) {
    case 'pause':
    case 'resume':
    case 'stop':
      return { ok: true, value: { type: value.type } };
    case 'start': {
      const request = value.request;
      if (!isRecord(request)) return { ok: false, error: 'start: "request" must be an object' };
      if (typeof request.design !== 'string') return { ok: false, error: 'start: "request.design" must be the design document text' };
      if (typeof request.runDir !== 'string' || request.runDir === '') return { ok: false, error: 'start: "request.runDir" must be a folder path' };
      if (!optionalString(request.runId) || !optionalString(request.data) || !optionalString(request.validation) || !optionalString(request.backend) || !optionalString(request.designFile)) {
        return { ok: false, error: 'start: "runId", "data", "validation", "backend" and "designFile" must be strings when given' };
      }
      if (!isRecord(request.config)) return { ok: false, error: 'start: "request.config" must be an object' };
      if (request.resume !== undefined && typeof request.resume !== 'boolean') return { ok: false, error: 'start: "request.resume" must be true or false' };
      if (request.memoryBytes !== undefined && !(typeof request.memoryBytes === 'number' && request.memoryBytes > 0)) return { ok: false, error: 'start: "request.memoryBytes" must be a positive number of bytes' };
      if (request.workers !== undefined) {
        const problem = typeof request.workers === 'number' ? workersProblem(request.workers) : 'workers must be a number';
        if (problem) return { ok: false, error: `start: "request.workers": ${problem}` };
      }
      if (request.imageCacheMegabytes !== undefined) {
        const problem = typeof request.imageCacheMegabytes === 'number' ? imageCacheProblem(request.imageCacheMegabytes) : 'the image cache must be a number';
        if (problem) return { ok: false, error: `start: "request.imageCacheMegabytes": ${problem}` };
      }
      if (request.roots !== undefined && !(Array.isArray(request.roots) && request.roots.every((root) => typeof root === 'string'))) {
        return { ok: false, error: 'start: "request.roots" must be an array of folder paths' };
      }
      return { ok: true, value: { type: 'start', request: request as unknown as TrainerStartRequest } };
    }
    default:
      return { ok: false, error: `unknown trainer message type '${value.type}'` };
  }
}
