import { memo } from 'react';
import { comparedToFastest, fastestBenchmark } from '../../../app/compute/benchmarks';
import { largestBufferBytes } from '../../../app/compute/gpuBuffers';
import type { BackendBenchmark, BackendStatus, DoctorReport } from '../../../app/protocol';
import { useEditorContext } from '../../hooks/useEditorContext';
import { useRun, useRunStore } from '../../hooks/useRun';
import { checkCompute } from '../../store/runCommands';
import { formatBytes } from '../../format/quantities';
import './ComputeDoctor.css';

interface ComputeDoctorProps {
  disabled: boolean;
  /** Picks a backend for the next run. */
  onUse(name: BackendStatus['name']): void;
}

function gpuText(status: BackendStatus): string | null {
  const gpu = status.gpu;
  if (!gpu) return null;
  const parts = [gpu.name];
  if (gpu.driver) parts.push(`driver ${gpu.driver}`);
  if (gpu.adapter) parts.push(gpu.adapter);
  if (gpu.memoryBytes !== undefined) parts.push(`${formatBytes(gpu.memoryBytes)} memory`);
  const largest = largestBufferBytes(gpu);
  if (largest !== undefined) parts.push(`largest buffer ${formatBytes(largest)}`);
  if (gpu.software) parts.push('software renderer');
  return parts.join(' · ');
}

function speedText(result: BackendBenchmark | undefined, report: DoctorReport): string {
  if (!report.benchmark || !result) return 'not measured';
  if (result.imagesPerSecond === undefined) return `failed: ${result.error ?? 'unknown error'}`;
  const relative = comparedToFastest(result, fastestBenchmark(report.benchmark.results));
  return `${result.imagesPerSecond.toFixed(1)} img/s${relative ? ` (${relative})` : ''}`;
}

/** The doctor in the window: every backend and why, the GPU, the versions, and a benchmark to pick by. */
function ComputeDoctorView({ disabled, onUse }: ComputeDoctorProps) {
  const { host } = useEditorContext();
  const store = useRunStore();
  const { report, running, error } = useRun((s) => s.doctor);
  const busy = running !== null;

  return (
    <section className="compute-doctor" aria-label="Compute check">
      <div className="training-panel__row">
        <button type="button" disabled={disabled || busy} onClick={() => void checkCompute(host, store, false)}>
          {running === 'check' ? 'Checking…' : 'Check backends'}
        </button>
        <button type="button" disabled={disabled || busy} onClick={() => void checkCompute(host, store, true)} title="Times a small Inception block, forward and backward, for a few seconds on each available backend">
          {running === 'benchmark' ? 'Benchmarking… (a few seconds per backend)' : 'Benchmark backends'}
        </button>
      </div>
      {error ? (
        <p role="alert" className="training-panel__error">
          {error}
        </p>
      ) : null}
      {report ? (
        <>
          <table className="compute-doctor__table" aria-label="Compute backends">
            <thead>
              <tr>
                <th scope="col">Backend</th>
                <th scope="col">Device or why not, and speed</th>
              </tr>
            </thead>
            <tbody>
              {report.backends.map((status) => {
                const gpu = gpuText(status);
                return (
                  <tr key={status.name} className={status.available ? undefined : 'compute-doctor__unavailable'}>
                    <th scope="row">
                      <span className="compute-doctor__name">{status.name}</span>
                      {status.available ? (
                        <button type="button" disabled={disabled} aria-label={`Use ${status.name}`} onClick={() => onUse(status.name)}>
                          Use
                        </button>
                      ) : null}
                    </th>
                    <td>
                      {status.available ? (status.device ?? 'available') : `unavailable: ${status.reason ?? 'unknown reason'}`}
                      {gpu ? <div className="compute-doctor__detail">{gpu}</div> : null}
                      {status.available && status.reason ? <div className="compute-doctor__detail">{status.reason}</div> : null}
                      {status.available && report.benchmark ? <div className="compute-doctor__speed">{speedText(report.benchmark.results.find((r) => r.name === status.name), report)}</div> : null}
                    </td>
                  </tr>
                );
              })}
            </tbody>
          </table>
          <p aria-label="Automatic choice">
            Automatic choice: <strong>{report.automatic}</strong>
            {report.automaticReason ? ` — ${report.automaticReason}` : ''}
          </p>
          {report.benchmark ? <p className="compute-doctor__detail">Benchmark: {report.benchmark.workload}.</p> : null}
          <p className="compute-doctor__detail" aria-label="Versions">
            Node {report.versions.node}
            {report.versions.electron ? ` · Electron ${report.versions.electron}` : ''} · TensorFlow.js {report.versions.tfjs} · {report.versions.platform} · {report.versions.cpu}
          </p>
        </>
      ) : null}
    </section>
  );
}

export const ComputeDoctor = memo(ComputeDoctorView);
