/**
 * The messages between a trainer process and whoever started it (the CLI and web host through
 * `child_process.fork`, the desktop host through Electron's `utilityProcess`). Parent → child:
 * `TrainerCommand`; child → parent: `TrainEvent`. Types plus a validator for the child side.
 */

import type { BackendStatus } from '../protocol';
import type { TrainConfig } from './types';

export interface TrainerStartRequest {
  /** Names the run in events; default: the run folder's name. */
  runId?: string;
  /** The design document as JSON text (a preset is first turned into its document); unused when resuming. */
  design: string;
  /** Dataset folder or CSV manifest; absent means the bundled Fashion-MNIST sample. */
  data?: string;
  /** A separate validation folder or CSV; absent means a seeded split of `data`. */
  validation?: string;
  config: Partial<TrainConfig>;
  backend?: BackendStatus['name'];
  /** Where checkpoints and the metrics log go; a new run creates it. */
  runDir: string;
  /** Continue the run in `runDir` from its last checkpoint (config and data come from it). */
  resume?: boolean;
  /** The design's file, recorded so runs can be grouped by it. */
  designFile?: string;
}

export type TrainerCommand =
  | { type: 'start'; request: TrainerStartRequest }
  | { type: 'pause' }
  | { type: 'resume' }
  | { type: 'stop' };

const isRecord = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value);
const optionalString = (value: unknown): boolean => value === undefined || typeof value === 'string';

/** Checks a message received by the trainer; returns why it is not a command when it is not. */
export function parseTrainerCommand(value: unknown): { ok: true; command: TrainerCommand } | { ok: false; error: string } {
  if (!isRecord(value) || typeof value.type !== 'string') return { ok: false, error: 'trainer message must be an object with a string "type"' };
  switch (value.type) {
    case 'pause':
    case 'resume':
    case 'stop':
      return { ok: true, command: { type: value.type } };
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
      return { ok: true, command: { type: 'start', request: request as unknown as TrainerStartRequest } };
    }
    default:
      return { ok: false, error: `unknown trainer message type '${value.type}'` };
  }
}
