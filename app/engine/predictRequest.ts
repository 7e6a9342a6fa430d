/** The host's `predict` call (app/protocol.ts) on the engine: parse, decode, run, report. */

import { parseDesign } from '../design/document';
import type { PredictionReport, PredictRequest, Result } from '../protocol';
import type { ProgressCallback } from '../training/progress';
import { BackendUnavailableError } from './backends/select';
import { DesignErrorsError } from './compile/errors';
import type { ImageSource } from './images';
import { ModelDirError } from '../node/modelDir/format';
import type { ModelSource } from './modelSource';
import { inferenceReport } from './inference/inferenceReport';
import { runPrediction } from './predict';

function imageSources(images: PredictRequest['images']): ImageSource[] {
  return images.map((image) => ('path' in image ? { path: image.path } : { name: image.name, bytes: Buffer.from(image.base64, 'base64') }));
}

/** Expected failures (bad design, model directory, backend) come back as `{ ok: false }`. */
export async function runPredictRequest(request: PredictRequest, onProgress?: ProgressCallback): Promise<Result<PredictionReport>> {
  let source: ModelSource;
  if (request.model.kind === 'design') {
    const parsed = parseDesign(request.model.design);
    if (!parsed.ok) return { ok: false, error: `The design cannot be read: ${parsed.error.message}` };
    source = { kind: 'design', design: parsed.value.document };
  } else {
    source = { kind: 'modelDir', path: request.model.path };
  }
  try {
    const run = await runPrediction(source, imageSources(request.images), { top: request.top, backend: request.backend, ...(onProgress ? { onProgress } : {}) });
    return { ok: true, value: { predictions: run.predictions, inference: inferenceReport(run.backend, run.runtime) } };
  } catch (error) {
    if (error instanceof DesignErrorsError || error instanceof ModelDirError || error instanceof BackendUnavailableError) return { ok: false, error: error.message };
    throw error;
  }
}
