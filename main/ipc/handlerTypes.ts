/**
 * The shape every host implements the contract with: one plain function per StudioHost method.
 * Apart from `handlers.ts` so the handler groups it assembles (compute, runs) and the
 * transports that call them import the type without importing each other.
 */

import type { StudioHost, StudioMethod } from '../../app/protocol';

export type Handlers = { [M in StudioMethod]: (...request: Parameters<StudioHost[M]>) => ReturnType<StudioHost[M]> };
