/** Mean and spread over seeds: what the report's "± sd" means. */

export interface SeedStatistic {
  mean: number;
  /** Sample standard deviation (n − 1); 0 for a single value. */
  sd: number;
  min: number;
  max: number;
  n: number;
}

/** Null when there is no value (no run got that far). */
export function seedStatistic(values: readonly number[]): SeedStatistic | null {
  if (values.length === 0) return null;
  const mean = values.reduce((sum, value) => sum + value, 0) / values.length;
  const variance = values.length > 1 ? values.reduce((sum, value) => sum + (value - mean) ** 2, 0) / (values.length - 1) : 0;
  return { mean, sd: Math.sqrt(variance), min: Math.min(...values), max: Math.max(...values), n: values.length };
}
