/** `doctor`: what computes on this machine, why the rest does not, and how fast each backend is. */

import { BACKEND_NAMES } from '../../compute/backends';
import { runDoctor } from '../../engine/doctor/runDoctor';
import { commandFailure, integerFlag, parseCommandArgs } from '../commandArgs';
import { formatDoctorReport } from '../doctorReport';
import type { CliCommand } from '../types';

const options = {
  json: { type: 'boolean' },
  'no-benchmark': { type: 'boolean' },
  seconds: { type: 'string' },
} as const;

export const command: CliCommand = {
  summary: 'Check the compute backends: what is available and why not, the GPU, versions, and a benchmark.',
  usage: [
    'Usage: inception-studio doctor [--json] [--no-benchmark] [--seconds N]',
    '',
    `Lists every backend (${BACKEND_NAMES.join(', ')}) as available or not, with`,
    'the reason and what to install; the device (GPU name, driver or adapter, memory); the Node,',
    'Electron and TensorFlow.js versions. Then it times a small Inception block, forward and',
    'backward, on each available backend. Where a backend later in the order measures faster,',
    'the automatic choice follows the measurement (saved per user; run doctor again after',
    'changing the GPU or its driver).',
    '',
    '  --json           print the report as JSON',
    '  --no-benchmark   report only, no timing (a second or two)',
    '  --seconds N      timed seconds per backend after a warm-up step (default 3)',
    '',
    'Exit status: 0, or 2 for an unknown option or argument.',
  ].join('\n'),
  options,
  async run(args, io) {
    const fail = commandFailure('doctor', io);
    const parsed = parseCommandArgs(args, options);
    if (!parsed.ok) return fail(parsed.error);
    const { values, positionals } = parsed.value;
    if (positionals.length > 0) return fail(`unexpected argument '${positionals[0]}'.`);
    const seconds = integerFlag(values.seconds, 'seconds', 1);
    if (!seconds.ok) return fail(seconds.error);
    const json = values.json === true;
    const report = await runDoctor({
      benchmark: values['no-benchmark'] !== true,
      ...(seconds.value !== undefined ? { seconds: seconds.value } : {}),
      onProgress: (line) => io.stderr(`${line}\n`),
    });
    io.stdout(json ? `${JSON.stringify(report, null, 2)}\n` : formatDoctorReport(report));
    return 0;
  },
};
