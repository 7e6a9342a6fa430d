/** The doctor's report as text: backends with their reasons and devices, the benchmark, the automatic choice. */

import { comparedToFastest, fastestBenchmark } from '../compute/benchmarks';
import type { BackendStatus, DoctorReport, GpuInfo } from '../protocol';

const gib = (bytes: number): string => `${(bytes / 2 ** 30).toFixed(1)} GiB`;

function gpuLine(gpu: GpuInfo): string {
  const parts = [gpu.name];
  if (gpu.driver) parts.push(`driver ${gpu.driver}`);
  if (gpu.adapter) parts.push(`adapter ${gpu.adapter}`);
  if (gpu.memoryBytes !== undefined) parts.push(`${gib(gpu.memoryBytes)} memory`);
  if (gpu.maxBufferSize !== undefined) parts.push(`largest buffer ${gib(gpu.maxBufferSize)}`);
  if (gpu.maxStorageBufferBindingSize !== undefined) parts.push(`largest binding ${gib(gpu.maxStorageBufferBindingSize)}`);
  if (gpu.software) parts.push('software renderer');
  return parts.join(', ');
}

function backendLines(status: BackendStatus, width: number): string[] {
  const head = `  ${status.name.padEnd(width)}  ${status.available ? 'available  ' : 'unavailable'}`;
  const lines = [`${head}  ${status.available ? (status.device ?? '') : (status.reason ?? '')}`];
  const indent = ' '.repeat(head.length + 2);
  if (status.gpu) lines.push(`${indent}GPU: ${gpuLine(status.gpu)}`);
  if (status.available && status.reason) lines.push(`${indent}${status.reason}`);
  return lines;
}

export function formatDoctorReport(report: DoctorReport): string {
  const { versions } = report;
  const width = Math.max(...report.backends.map((b) => b.name.length));
  const lines = [
    `Node ${versions.node}${versions.electron ? ` · Electron ${versions.electron}` : ''} · TensorFlow.js ${versions.tfjs} · ${versions.platform}`,
    `CPU: ${versions.cpu}`,
    '',
    'Backends, in order of preference:',
    ...report.backends.flatMap((status) => backendLines(status, width)),
  ];
  if (report.benchmark) {
    const fastest = fastestBenchmark(report.benchmark.results);
    lines.push('', `Benchmark: ${report.benchmark.workload}`);
    for (const result of report.benchmark.results) {
      const speed =
        result.imagesPerSecond === undefined
          ? `failed: ${result.error ?? 'unknown error'}`
          : `${result.imagesPerSecond.toFixed(1).padStart(8)} img/s  ${(result.msPerStep ?? 0).toFixed(0).padStart(6)} ms/step  (${result.steps} ${result.steps === 1 ? 'step' : 'steps'})  ${comparedToFastest(result, fastest)}`;
      lines.push(`  ${result.name.padEnd(width)}  ${speed}`);
    }
  }
  lines.push('', `Automatic choice: ${report.automatic}${report.automaticReason ? ` — ${report.automaticReason}` : ''}`);
  if (!report.benchmark) lines.push('(no benchmark: run `doctor` without --no-benchmark to measure each backend)');
  return `${lines.join('\n')}\n`;
}
