import { describe, expect, it } from 'vitest';
import type { DoctorReport } from '../../protocol';
import { formatDoctorReport } from '../doctorReport';
import { runCli } from '../testing/captureIo';
import { useTempDir } from '../../node/testing/tempDir';

const dir = useTempDir('doctor');

const report: DoctorReport = {
  createdAt: '2026-01-02T03:04:05.000Z',
  versions: { node: '20.19.0', electron: null, tfjs: '4.22.0', platform: 'linux 6.8.0 (x64)', cpu: 'AMD Ryzen 9 7950X (32 cores)' },
  backends: [
    { name: 'tensorflow-gpu', available: false, reason: 'TensorFlow created no GPU device: it could not open libcudnn.so.8 (cuDNN).' },
    {
      name: 'webgpu',
      available: true,
      device: 'NVIDIA GeForce RTX 4090 (nvidia lovelace) (WebGPU)',
      gpu: { name: 'NVIDIA GeForce RTX 4090', adapter: 'nvidia lovelace', maxBufferSize: 2 ** 32, maxStorageBufferBindingSize: 2 ** 31 },
    },
    { name: 'tensorflow', available: false, reason: 'not installed' },
    { name: 'wasm', available: true, device: 'AMD Ryzen 9 7950X (32 cores)' },
    { name: 'cpu', available: true, device: 'AMD Ryzen 9 7950X (32 cores)' },
  ],
  benchmark: {
    workload: 'a block',
    results: [
      { name: 'webgpu', device: 'RTX 4090', imagesPerSecond: 812.4, msPerStep: 9.8, steps: 300 },
      { name: 'wasm', device: 'CPU', imagesPerSecond: 101.5, msPerStep: 78.8, steps: 38 },
      { name: 'cpu', device: 'CPU', error: 'out of memory' },
    ],
  },
  automatic: 'webgpu',
};

describe('doctor', () => {
  it('formats the report: backends with reasons and GPU, the benchmark against the fastest, the automatic choice', () => {
    expect(formatDoctorReport(report)).toBe(
      [
        'Node 20.19.0 · TensorFlow.js 4.22.0 · linux 6.8.0 (x64)',
        'CPU: AMD Ryzen 9 7950X (32 cores)',
        '',
        'Backends, in order of preference:',
        '  tensorflow-gpu  unavailable  TensorFlow created no GPU device: it could not open libcudnn.so.8 (cuDNN).',
        '  webgpu          available    NVIDIA GeForce RTX 4090 (nvidia lovelace) (WebGPU)',
        '                               GPU: NVIDIA GeForce RTX 4090, adapter nvidia lovelace, largest buffer 4.0 GiB, largest binding 2.0 GiB',
        '  tensorflow      unavailable  not installed',
        '  wasm            available    AMD Ryzen 9 7950X (32 cores)',
        '  cpu             available    AMD Ryzen 9 7950X (32 cores)',
        '',
        'Benchmark: a block',
        '  webgpu             812.4 img/s      10 ms/step  (300 steps)  fastest',
        '  wasm               101.5 img/s      79 ms/step  (38 steps)  8.0× slower than webgpu',
        '  cpu             failed: out of memory',
        '',
        'Automatic choice: webgpu',
        '',
      ].join('\n'),
    );
  });

  it('checks the backends without the benchmark, as text or JSON', async () => {
    const text = await runCli(dir(), ['doctor', '--no-benchmark']);
    expect(text.code).toBe(0);
    expect(text.out).toMatch(/^Node \d+\.\d+\.\d+ · TensorFlow\.js 4\.22\.0 · /);
    expect(text.out).toMatch(/\n {2}tensorflow-gpu {2}(un)?available/);
    expect(text.out).toMatch(/\n {2}wasm {12}available/);
    expect(text.out).toMatch(/\nAutomatic choice: \S+/);
    const json = await runCli(dir(), ['doctor', '--no-benchmark', '--json']);
    const parsed = JSON.parse(json.out) as DoctorReport;
    expect(parsed.backends.map((b) => b.name)).toEqual(['tensorflow-gpu', 'webgpu', 'tensorflow', 'wasm', 'cpu']);
    expect(parsed.benchmark).toBeNull();
  });

  it('refuses a bad option', async () => {
    expect(await runCli(dir(), ['doctor', '--seconds', '0'])).toEqual({ code: 2, out: '', err: 'doctor: --seconds 0: expected an integer ≥ 1.\n' });
    expect(await runCli(dir(), ['doctor', 'now'])).toMatchObject({ code: 2, err: "doctor: unexpected argument 'now'.\n" });
  });
});
