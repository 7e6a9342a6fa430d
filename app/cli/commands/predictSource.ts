/** What `predict` runs: a saved model directory, or a design / preset with random weights. */

import { stat } from 'node:fs/promises';
import { resolve } from 'node:path';
import type { ModelSource } from '../../engine/modelSource';
import type { Result } from '../../result';
import type { ParsedValues } from '../commandArgs';
import { designSourceOptions, loadDesignSource } from '../designSource';

async function isDirectory(path: string): Promise<boolean> {
  return stat(path).then(
    (s) => s.isDirectory(),
    () => false,
  );
}

export async function predictSource(arg: string, values: ParsedValues, cwd: string, seed: number | undefined): Promise<Result<{ source: ModelSource; title: string }>> {
  const dir = resolve(cwd, arg);
  if (await isDirectory(dir)) {
    const designFlag = (['input', 'classes', 'param'] as const).find((flag) => values[flag] !== undefined);
    if (designFlag) return { ok: false, error: `--${designFlag} changes a design; '${arg}' is a saved model directory whose design is fixed.` };
    return { ok: true, value: { source: { kind: 'modelDir', path: dir }, title: `model directory ${arg}` } };
  }
  const options = designSourceOptions(values, cwd);
  if (!options.ok) return options;
  const loaded = await loadDesignSource(arg, options.value);
  if (!loaded.ok) return loaded;
  const title = `${loaded.value.document.name} with random weights (untrained: the classes are meaningless)`;
  return { ok: true, value: { source: { kind: 'design', design: loaded.value.document, seed }, title } };
}
