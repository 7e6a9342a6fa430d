/** IPC channel names shared by the preload and the main process. */

import type { StudioMethod } from '../../app/protocol';

export const methodChannel = (method: StudioMethod): string => `studio:${method}`;
export const EVENT_CHANNEL = 'studio:event';
