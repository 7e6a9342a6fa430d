/** What ran a prediction or an evaluation, as the host tells the window. */

import type { BackendReport, InferenceReport, InferenceRuntime } from '../../protocol';

export function inferenceReport(backend: BackendReport, runtime: InferenceRuntime): InferenceReport {
  return { runtime, backend: backend.active, device: backend.device };
}
