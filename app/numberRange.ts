/** A numeric range as data: checked the same way, and described in the same words, wherever it applies. */

export interface NumberRange {
  readonly min?: number;
  /** The bound itself is outside the range: `> min` rather than `≥ min`. */
  readonly minExclusive?: boolean;
  readonly max?: number;
  readonly maxExclusive?: boolean;
  readonly integer?: boolean;
}

export function inRange(range: NumberRange, value: number): boolean {
  if (!Number.isFinite(value) || (range.integer && !Number.isInteger(value))) return false;
  if (range.min !== undefined && (range.minExclusive ? value <= range.min : value < range.min)) return false;
  if (range.max !== undefined && (range.maxExclusive ? value >= range.max : value > range.max)) return false;
  return true;
}

/** 'a number in (0, 1]', 'a whole number > 0', 'a number ≥ 0'. */
export function describeRange(range: NumberRange): string {
  const what = range.integer ? 'a whole number' : 'a number';
  const { min, max } = range;
  if (min !== undefined && max !== undefined) return `${what} in ${range.minExclusive ? '(' : '['}${min}, ${max}${range.maxExclusive ? ')' : ']'}`;
  if (min !== undefined) return `${what} ${range.minExclusive ? '>' : '≥'} ${min}`;
  if (max !== undefined) return `${what} ${range.maxExclusive ? '<' : '≤'} ${max}`;
  return what;
}

/** A rejected value in words: a text that parsed to NaN is shown as what it is, not as "NaN". */
export function describeValue(value: number): string {
  return Number.isNaN(value) ? 'something that is not a number' : String(value);
}
