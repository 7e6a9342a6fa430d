/** Stryker's mutation score from its results, per target, as the summary line prints it. */

export type MutantStatus = 'Killed' | 'Survived' | 'NoCoverage' | 'CompileError' | 'RuntimeError' | 'Timeout' | 'Ignored' | 'Pending';

export interface MutationScore {
  killed: number;
  survived: number;
  noCoverage: number;
  /** Killed (or timed out) over every mutant that compiled and was not ignored, in percent; null when there were none. */
  percent: number | null;
}

export function mutationScore(statuses: readonly MutantStatus[]): MutationScore {
  const count = (...which: MutantStatus[]): number => statuses.filter((s) => which.includes(s)).length;
  const killed = count('Killed', 'Timeout');
  const survived = count('Survived');
  const noCoverage = count('NoCoverage');
  const valid = killed + survived + noCoverage;
  return { killed, survived, noCoverage, percent: valid === 0 ? null : (100 * killed) / valid };
}

export function scoreLine(path: string, score: MutationScore): string {
  const percent = score.percent === null ? 'no mutants' : `${score.percent.toFixed(1)}%`;
  return `${path}: ${percent} (${score.killed} killed, ${score.survived} survived, ${score.noCoverage} without coverage)`;
}
