/**
 * From what the user names (a spec file or `template:NAME`) to a plan: the spec parsed and
 * checked, dataset paths resolved against the spec's folder (templates: the working folder),
 * each variant's design built (a preset) or read (a design file) and analysed. Every problem is
 * a message naming the file or field; `kind` says whether it is unusable input or a design with
 * errors (the command line's exit statuses 2 and 1).
 */

import { readFile } from 'node:fs/promises';
import { dirname, resolve } from 'node:path';
import { analyze } from '../../analysis/analyze';
import type { BackendName } from '../../compute/backends';
import { parseDesign, serializeDesign } from '../../design/document';
import type { DesignDocument } from '../../design/types';
import { expandExperiment, variantSlug } from '../../experiments/expandExperiment';
import { parseExperiment } from '../../experiments/parseExperiment';
import { EXPERIMENT_PLAN_FORMAT, type ExperimentPlan } from '../../experiments/plan';
import { EXPERIMENT_TEMPLATES, isTemplateName, TEMPLATE_PREFIX } from '../../experiments/templates';
import type { ExperimentSpec } from '../../experiments/types';
import { buildPreset, PRESET_PREFIX } from '../../presets/index';
import { errorMessage, type Result } from '../../result';

export interface LoadedSpec {
  spec: ExperimentSpec;
  /** The spec file's path, or `template:NAME`. */
  source: string;
  /** What relative paths in the spec are resolved against. */
  baseDir: string;
}

export interface PlanProblem {
  kind: 'input' | 'design';
  message: string;
}

/** Reads a spec file or a template; the error names the file, the field or the known templates. */
export async function loadExperimentSpec(arg: string, cwd: string): Promise<Result<LoadedSpec, PlanProblem>> {
  const input = (message: string): Result<never, PlanProblem> => ({ ok: false, error: { kind: 'input', message } });
  if (arg.startsWith(TEMPLATE_PREFIX)) {
    const name = arg.slice(TEMPLATE_PREFIX.length);
    if (!isTemplateName(name)) return input(`Unknown template '${name}'. Templates: ${Object.keys(EXPERIMENT_TEMPLATES).join(', ')}.`);
    return { ok: true, value: { spec: EXPERIMENT_TEMPLATES[name], source: arg, baseDir: cwd } };
  }
  const path = resolve(cwd, arg);
  const text = await readFile(path, 'utf8').catch((error: unknown) => ({ error: (error as NodeJS.ErrnoException).code === 'ENOENT' ? 'no such file' : errorMessage(error) }));
  if (typeof text !== 'string') return input(`Cannot read experiment spec '${arg}': ${text.error}.`);
  const parsed = parseExperiment(text);
  if (!parsed.ok) return input(`${arg}: ${parsed.error.message}`);
  return { ok: true, value: { spec: parsed.value, source: path, baseDir: dirname(path) } };
}

async function variantDesign(design: string, options: ExperimentPlan['runs'][number]['options'], baseDir: string, where: string): Promise<Result<DesignDocument, PlanProblem>> {
  if (design.startsWith(PRESET_PREFIX)) return { ok: true, value: buildPreset(design.slice(PRESET_PREFIX.length), options) };
  const path = resolve(baseDir, design);
  const text = await readFile(path, 'utf8').catch(() => null);
  if (text === null) return { ok: false, error: { kind: 'input', message: `${where}: cannot read design file ${path}.` } };
  const parsed = parseDesign(text);
  if (!parsed.ok) return { ok: false, error: { kind: 'input', message: `${where}: ${path}: ${parsed.error.message}` } };
  return { ok: true, value: parsed.value.document };
}

export interface PlanOverrides {
  data?: string;
  validation?: string;
  backend?: BackendName;
}

/** The plan of a loaded spec; `overrides` (absolute paths) win over the spec's dataset. */
export async function planExperiment(loaded: LoadedSpec, overrides: PlanOverrides = {}): Promise<Result<ExperimentPlan, PlanProblem>> {
  const { spec, baseDir } = loaded;
  const runs = expandExperiment(spec);
  const designs: Record<string, string> = {};
  for (const [index, variant] of spec.variants.entries()) {
    const where = `variants[${index}] (${variant.name})`;
    const run = runs.find((candidate) => candidate.variant === variant.name);
    const document = await variantDesign(variant.design, run?.options ?? {}, baseDir, where);
    if (!document.ok) return document;
    const errors = analyze(document.value).diagnostics.filter((diagnostic) => diagnostic.severity === 'error');
    if (errors.length > 0) return { ok: false, error: { kind: 'design', message: `${where}: the design has ${errors.length} error${errors.length === 1 ? '' : 's'}: ${errors.map((e) => e.message).join(' ')}` } };
    designs[variantSlug(variant.name)] = serializeDesign(document.value);
  }
  const path = (given: string | undefined, written: string | undefined): string | undefined => given ?? (written === undefined ? undefined : resolve(baseDir, written));
  const data = path(overrides.data, spec.fixed.data);
  const validation = path(overrides.validation, spec.fixed.validation);
  return {
    ok: true,
    value: {
      format: EXPERIMENT_PLAN_FORMAT,
      version: 1,
      spec,
      source: loaded.source,
      ...(data === undefined ? {} : { data }),
      ...(validation === undefined ? {} : { validation }),
      ...(overrides.backend === undefined ? {} : { backend: overrides.backend }),
      runs,
      designs,
    },
  };
}
