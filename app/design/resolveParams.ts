/**
 * Checks a node's stored parameter values against its declarations. Missing values take their
 * default; a wrong type or an out-of-range value is reported and the default is used instead,
 * so the analysis of the rest of the design goes on.
 */

import type { NodeTypeInfo, ParamSpec, ResolvedParams } from './paramSpec';
import type { ParamValue, ParamValues } from './types';

export interface ParamIssue {
  param: string;
  code: 'invalid-param' | 'unknown-param';
  message: string;
  hint: string;
}

export interface ResolvedParamsResult {
  values: ResolvedParams;
  issues: ParamIssue[];
}

function describe(value: ParamValue): string {
  if (typeof value === 'string') return JSON.stringify(value);
  if (Array.isArray(value)) return `[${value.map((v) => describe(v as ParamValue)).join(', ')}]`;
  return String(value);
}

function rangeText(min: number, max: number): string {
  return `between ${min} and ${max}`;
}

/** Why `value` does not fit `spec`, or undefined when it does. */
function problem(spec: ParamSpec, value: ParamValue): string | undefined {
  switch (spec.kind) {
    case 'int':
    case 'number': {
      const integer = spec.kind === 'int';
      const wanted = `${integer ? 'an integer' : 'a number'} ${rangeText(spec.min, spec.max)}`;
      if (typeof value !== 'number' || !Number.isFinite(value)) return wanted;
      if (integer && !Number.isSafeInteger(value)) return wanted;
      if (value < spec.min || value > spec.max) return wanted;
      return undefined;
    }
    case 'bool':
      return typeof value === 'boolean' ? undefined : 'true or false';
    case 'enum':
      return typeof value === 'string' && spec.options.includes(value) ? undefined : `one of ${spec.options.join(', ')}`;
    case 'pair': {
      const wanted = `a pair [height, width] of integers ${rangeText(spec.min, spec.max)}`;
      if (!Array.isArray(value) || value.length !== 2) return wanted;
      return value.every((n) => Number.isSafeInteger(n) && n >= spec.min && n <= spec.max) ? undefined : wanted;
    }
  }
}

export function resolveParams(info: NodeTypeInfo, given: ParamValues): ResolvedParamsResult {
  const values: ResolvedParams = {};
  const issues: ParamIssue[] = [];
  for (const spec of info.params) {
    const value = Object.hasOwn(given, spec.name) ? given[spec.name] : undefined;
    if (value === undefined) {
      values[spec.name] = spec.default;
      continue;
    }
    const wanted = problem(spec, value);
    if (wanted === undefined) {
      values[spec.name] = value;
      continue;
    }
    values[spec.name] = spec.default;
    issues.push({
      param: spec.name,
      code: 'invalid-param',
      message: `${info.label}: ${spec.name} is ${describe(value)}; it must be ${wanted}.`,
      hint: `Set ${spec.label.toLowerCase()} to ${wanted}; the default ${describe(spec.default)} is used meanwhile.`,
    });
  }
  for (const name of Object.keys(given)) {
    if (info.params.some((spec) => spec.name === name)) continue;
    const known = info.params.map((spec) => spec.name);
    issues.push({
      param: name,
      code: 'unknown-param',
      message: `${info.label} has no parameter ${JSON.stringify(name)}; it is ignored.`,
      hint: known.length > 0 ? `Its parameters are ${known.join(', ')}.` : `${info.label} takes no parameters.`,
    });
  }
  return { values, issues };
}
