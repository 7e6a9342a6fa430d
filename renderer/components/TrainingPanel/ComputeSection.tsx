import { memo, useEffect, useMemo } from 'react';
import { errorMessage } from '../../../app/result';
import { estimateTrainingMemory, WASM_HEAP_BYTES } from '../../../app/analysis/memoryEstimate';
import { backendTitle, isBackendName } from '../../../app/compute/backends';
import { largestBufferBytes } from '../../../app/compute/gpuBuffers';
import { DEFAULT_IMAGE_CACHE_MB, IMAGE_CACHE_RANGE } from '../../../app/training/imageCache';
import { DEFAULT_MIN_SHARE, replicaCount, WORKERS_RANGE } from '../../../app/training/replicas';
import { formatBytes } from '../../format/quantities';
import { useEditor } from '../../hooks/useEditor';
import { useEditorContext } from '../../hooks/useEditorContext';
import { useRun, useRunStore } from '../../hooks/useRun';
import { ComputeDoctor } from '../ComputeDoctor/ComputeDoctor';
import { OptionalNumberSetting } from './OptionalNumberSetting';

const GiB = 1024 ** 3;

/** The backend and device that will train, why faster ones are missing, and whether the design fits in memory. */
function ComputeSectionView({ disabled }: { disabled: boolean }) {
  const { host } = useEditorContext();
  const store = useRunStore();
  const report = useRun((s) => s.backends);
  const setup = useRun((s) => s.setup);
  const totals = useEditor((s) => s.analysis.totals);
  const input = useEditor((s) => s.document.input);

  useEffect(() => {
    if (store.getState().backends !== null) return;
    host.backends().then(
      (backends) => store.getState().setBackends(backends),
      (error: unknown) => store.getState().setBusy(false, `Could not detect the compute backends: ${errorMessage(error)}`),
    );
  }, [host, store]);

  const doctorReport = useRun((s) => s.doctor.report);
  const chosen = setup.backend ?? report?.active ?? null;
  const chosenStatus = report?.backends.find((b) => b.name === chosen);
  const gpu = chosenStatus?.gpu;
  const heapLimited = chosen === 'wasm';
  const availableBytes = heapLimited ? WASM_HEAP_BYTES : setup.memoryGiB * GiB;
  // WebGPU holds one tensor in one buffer: the largest layer output for the batch must fit it.
  const maxTensorBytes = largestBufferBytes(gpu);
  // The trainer defaults to one replica per core of the machine it runs on, which is this one's
  // on the desktop; a remote web host's may differ, and the trainer's start line says what it used.
  const batchSize = Number.isFinite(setup.config.batchSize) ? setup.config.batchSize : 1;
  const replicas = chosen === null ? 1 : replicaCount(chosen, setup.workers ?? undefined, navigator.hardwareConcurrency || 1, batchSize);
  const estimate = useMemo(
    () =>
      estimateTrainingMemory({
        totals,
        input: [input.height, input.width, input.channels],
        optimizer: setup.config.optimizer,
        momentum: setup.config.momentum,
        emaDecay: setup.config.emaDecay,
        batchSize,
        availableBytes,
        ...(maxTensorBytes !== undefined ? { maxTensorBytes } : {}),
        replicas,
      }),
    [totals, input, setup.config, availableBytes, maxTensorBytes, replicas, batchSize],
  );
  const faster = report?.backends.filter((backend) => !backend.available) ?? [];

  return (
    <fieldset className="training-panel__fieldset" disabled={disabled}>
      <legend>Compute</legend>
      {report === null ? (
        <p role="status">Detecting backends…</p>
      ) : (
        <>
          <div className="training-panel__row">
            <label htmlFor="training-backend">Backend</label>
            <select id="training-backend" value={chosen ?? ''} onChange={(event) => isBackendName(event.target.value) && store.getState().setSetup({ backend: event.target.value })}>
              {report.backends
                .filter((backend) => backend.available)
                .map((backend) => (
                  <option key={backend.name} value={backend.name}>
                    {backendTitle(backend.name)}
                  </option>
                ))}
            </select>
          </div>
          <p aria-label="Training device">
            Runs on <strong>{chosenStatus?.device ?? report.device}</strong>
            {gpu?.memoryBytes !== undefined ? ` · ${formatBytes(gpu.memoryBytes)} GPU memory` : ''}
          </p>
          {chosenStatus?.reason && chosenStatus.available ? <p className="training-panel__warning">{chosenStatus.reason}</p> : null}
          {report.note && chosen === report.active ? <p aria-label="Why this backend">Chosen automatically: {report.note}.</p> : null}
          {faster.length > 0 && doctorReport === null ? (
            <ul className="training-panel__unavailable" aria-label="Backends not available">
              {faster.map((backend) => (
                <li key={backend.name}>
                  {backendTitle(backend.name)}: {backend.reason ?? 'not available'}
                </li>
              ))}
            </ul>
          ) : null}
          {chosen === 'wasm' ? (
            <OptionalNumberSetting
              id="training-workers"
              label="Worker threads"
              range={WORKERS_RANGE}
              step={1}
              placeholder={`auto: ${replicas}`}
              title={`Data-parallel replicas: each worker thread trains on its share of every batch. Empty: one per core, at least ${DEFAULT_MIN_SHARE} images each (${replicas} for batch ${batchSize}). 1 trains on one thread.`}
              value={setup.workers}
              onChange={(workers) => store.getState().setSetup({ workers })}
            />
          ) : null}
          <OptionalNumberSetting
            id="training-image-cache"
            label="Image cache (MB)"
            range={IMAGE_CACHE_RANGE}
            step={64}
            placeholder={`${DEFAULT_IMAGE_CACHE_MB}`}
            title="Memory for decoded training images: after its first epoch an image that fits is cropped from memory instead of decoded again. 0 decodes every image every epoch."
            value={setup.imageCacheMegabytes}
            onChange={(imageCacheMegabytes) => store.getState().setSetup({ imageCacheMegabytes })}
          />
          <ComputeDoctor disabled={disabled} onUse={(name) => store.getState().setSetup({ backend: name })} />
        </>
      )}
      <div className="memory-estimate" aria-label="Memory estimate">
        {heapLimited ? (
          <p>
            Memory limit: {formatBytes(WASM_HEAP_BYTES)} {replicas > 1 ? `per worker thread (${replicas} threads, each its own heap)` : ''} (the WebAssembly heap cannot grow further).
          </p>
        ) : (
          <div className="training-panel__row">
            <label htmlFor="training-memory">{chosen === 'webgpu' ? 'GPU memory for training (GiB; WebGPU cannot read it)' : 'Memory for training (GiB)'}</label>
            <input id="training-memory" type="number" min={0.5} step={0.5} value={setup.memoryGiB} onChange={(event) => store.getState().setSetup({ memoryGiB: Number(event.target.value) || 0 })} />
          </div>
        )}
        <p>
          About <strong>{formatBytes(estimate.totalBytes)}</strong> for batch {setup.config.batchSize} ({formatBytes(estimate.perImageBytes)} per image + {formatBytes(estimate.fixedBytes)} for weights and optimizer state).
          Largest batch that fits: <strong aria-label="Largest batch that fits">{Number.isFinite(estimate.largestBatch) ? estimate.largestBatch : 'any'}</strong>
          {estimate.limitedBy === 'buffer' && maxTensorBytes !== undefined ? ` (capped by the GPU's largest buffer, ${formatBytes(maxTensorBytes)})` : ''}.
        </p>
        {estimate.warning ? (
          <p role="alert" className="training-panel__warning">
            {estimate.warning}{' '}
            {estimate.largestBatch > 0 ? (
              <button type="button" onClick={() => store.getState().setConfig({ batchSize: estimate.largestBatch })}>
                Use batch {estimate.largestBatch}
              </button>
            ) : null}
          </p>
        ) : null}
      </div>
    </fieldset>
  );
}

export const ComputeSection = memo(ComputeSectionView);
