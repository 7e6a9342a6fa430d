/**
 * How the engine worker turns one message into one reply, apart from its process wiring so it
 * is tested in-process: a request with a numeric id always gets a reply — the method's answer,
 * its failure, or "unknown method" — and anything without an id is not a request at all.
 */

import { errorMessage } from '../../app/result';
import type { EngineWorkerMethod, EngineWorkerMethods, EngineWorkerReply } from './engineWorkerProtocol';
import { ENGINE_WORKER_METHODS } from './engineWorkerProtocol';

export type EngineWorkerAnswers = { [M in EngineWorkerMethod]: (request: EngineWorkerMethods[M]['request']) => Promise<EngineWorkerMethods[M]['response']> };

const isMethod = (name: unknown): name is EngineWorkerMethod => (ENGINE_WORKER_METHODS as readonly unknown[]).includes(name);

/** The reply to `raw`, or null when it carries no request id to reply to. */
export async function answerEngineRequest(answers: EngineWorkerAnswers, raw: unknown): Promise<EngineWorkerReply | null> {
  const message = (typeof raw === 'object' && raw !== null ? raw : {}) as { id?: unknown; method?: unknown; request?: unknown };
  if (typeof message.id !== 'number') return null;
  const id = message.id;
  if (!isMethod(message.method)) {
    return { id, ok: false, error: `The engine worker has no method ${JSON.stringify(message.method)}; it answers ${ENGINE_WORKER_METHODS.join(', ')}.` };
  }
  const answer = answers[message.method] as (request: unknown) => Promise<unknown>;
  try {
    return { id, ok: true, value: await answer(message.request) };
  } catch (error) {
    return { id, ok: false, error: errorMessage(error) };
  }
}
