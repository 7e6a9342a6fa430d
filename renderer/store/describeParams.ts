/**
 * A node's key parameters in one short line, e.g. `filters 32 · kernel 3×3 · strides 2×2`.
 * Blocks list only what differs from their defaults (`width 0.5`), layers their first few.
 */

import type { ParamSpec } from '../../app/design/paramSpec';
import type { ParamValue, ParamValues } from '../../app/design/types';

const SHOWN = 3;

function formatValue(value: ParamValue): string {
  if (Array.isArray(value)) return value.join('×');
  return String(value);
}

export function describeParams(specs: readonly ParamSpec[], values: ParamValues, showDefaults: boolean): string {
  return specs
    .filter((spec) => spec.kind !== 'bool' && (showDefaults || (values[spec.name] !== undefined && formatValue(values[spec.name]) !== formatValue(spec.default))))
    .slice(0, SHOWN)
    .map((spec) => `${spec.name} ${formatValue(values[spec.name] ?? spec.default)}`)
    .join(' · ');
}
