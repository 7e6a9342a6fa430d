/**
 * Handlers for experiments. A spec from the window is read by the command line's parser (the
 * same field-named messages), and every path it names — dataset, validation set, design files —
 * passes the host's path policy before the service plans or runs anything.
 */

import { parseExperiment } from '../../app/experiments/parseExperiment';
import type { ExperimentSpec } from '../../app/experiments/types';
import { PRESET_PREFIX } from '../../app/presets/index';
import type { Result } from '../../app/protocol';
import type { Handlers } from './handlerTypes';
import type { HostServices } from './hostServices';

type ExperimentHandlers = Pick<Handlers, 'listExperiments' | 'previewExperiment' | 'startExperiment' | 'experimentStatus' | 'controlExperiment' | 'experimentReport'>;

export function experimentHandlers({ paths, experiments }: HostServices): ExperimentHandlers {
  /** The spec parsed, with each path it names replaced by its real path inside the roots. */
  const checkedSpec = async (text: string): Promise<Result<ExperimentSpec>> => {
    const parsed = parseExperiment(text);
    if (!parsed.ok) return { ok: false, error: parsed.error.message };
    const spec = parsed.value;
    const real = async (path: string | undefined, what: string): Promise<Result<string | undefined>> => {
      if (path === undefined) return { ok: true, value: undefined };
      const checked = await paths.check(path);
      return checked.ok ? checked : { ok: false, error: `${what}: ${checked.error}` };
    };
    const data = await real(spec.fixed.data, 'fixed.data');
    if (!data.ok) return data;
    const validation = await real(spec.fixed.validation, 'fixed.validation');
    if (!validation.ok) return validation;
    const variants = [];
    for (const [index, variant] of spec.variants.entries()) {
      const design = variant.design.startsWith(PRESET_PREFIX) ? { ok: true as const, value: variant.design } : await real(variant.design, `variants[${index}].design`);
      if (!design.ok) return design;
      variants.push({ ...variant, design: design.value as string });
    }
    const { data: _data, validation: _validation, ...fixed } = spec.fixed;
    return {
      ok: true,
      value: {
        ...spec,
        fixed: { ...fixed, ...(data.value === undefined ? {} : { data: data.value }), ...(validation.value === undefined ? {} : { validation: validation.value }) },
        variants,
      },
    };
  };

  return {
    listExperiments: () => experiments.list(),
    async previewExperiment({ spec }) {
      const checked = await checkedSpec(spec);
      return checked.ok ? experiments.preview(checked.value) : checked;
    },
    async startExperiment({ spec, parallel }) {
      const checked = await checkedSpec(spec);
      return checked.ok ? experiments.start(checked.value, parallel) : checked;
    },
    experimentStatus: ({ id }) => experiments.status(id),
    controlExperiment: ({ id, action }) => experiments.control(id, action),
    experimentReport: ({ id }) => experiments.report(id),
  };
}
