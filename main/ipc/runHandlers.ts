/**
 * Handlers for a run's products: copying a checkpoint out as a model directory, and reading
 * back the events a run logged. Both paths pass the host's path policy.
 */

import { cp, stat } from 'node:fs/promises';
import { basename, join } from 'node:path';
import { errorMessage } from '../../app/result';
import type { Result } from '../../app/protocol';
import { writeDirectoryAtomic } from '../../app/node/files/writeDirectoryAtomic';
import { MODEL_FILES } from '../../app/node/modelDir/format';
import { readRunEvents, runPaths } from '../../app/node/runs/runRecord';
import type { TrainEvent } from '../../app/training/types';
import type { Handlers } from './handlerTypes';
import type { HostServices } from './hostServices';
import { saveTarget } from './saveTarget';

type RunHandlers = Pick<Handlers, 'saveModel' | 'runEvents'>;

const fail = (error: string): { ok: false; error: string } => ({ ok: false, error });
const exists = (path: string): Promise<boolean> => stat(path).then(() => true, () => false);

export function runHandlers(services: HostServices): RunHandlers {
  const { paths } = services;
  return {
    async saveModel({ source, path, suggestedName }) {
      const from = await paths.check(source);
      if (!from.ok) return from;
      if (!(await exists(join(from.value, MODEL_FILES.topology)))) return fail(`${from.value} is not a model directory (no ${MODEL_FILES.topology})`);
      const target = await saveTarget(services, 'modelDir', path, (d) => d.chooseModelSaveTarget(suggestedName), suggestedName);
      if (!target.ok || target.value === null) return target as Result<null>;
      if (await exists(target.value)) return fail(`${target.value} already exists: choose a new name for the model`);
      try {
        await writeDirectoryAtomic(target.value, (temp) => cp(from.value, temp, { recursive: true }));
        return { ok: true, value: { path: target.value, name: basename(target.value) } };
      } catch (error) {
        return fail(`Could not save the model to ${target.value}: ${errorMessage(error)}`);
      }
    },

    async runEvents({ runDir }) {
      const checked = await paths.check(runDir);
      if (!checked.ok) return checked;
      // The log itself passes the policy too: a link in the run folder must not lead out of the roots.
      const log = await paths.check(runPaths(checked.value).events);
      if (!log.ok) return log;
      const read = await readRunEvents(checked.value, log.value);
      if (!read.ok) return read;
      const warnings: TrainEvent[] = read.value.warnings.map((message) => ({ type: 'log', level: 'warning', message }));
      return { ok: true, value: [...read.value.events, ...warnings] };
    },
  };
}
