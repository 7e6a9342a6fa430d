/** Collects schema problems with their paths; each check records what it expected and found. */

import { integerRange } from './limits';
import type { SchemaIssue } from './types';

/** A short description of a JSON value for "found": `"abc"`, `12`, `an array of 3`, `missing`. */
export function describeFound(value: unknown): string {
  if (value === undefined) return 'missing';
  if (value === null) return 'null';
  if (typeof value === 'string') return JSON.stringify(value.length > 40 ? `${value.slice(0, 40)}…` : value);
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  if (Array.isArray(value)) return `an array of ${value.length}`;
  return 'an object';
}

export function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

export class IssueList {
  readonly issues: SchemaIssue[] = [];
  // Stryker disable next-line ArrayDeclaration: a placeholder entry covers no path a document has
  private readonly covered: string[] = [];

  add(path: string, expected: string, found: string): void {
    if (this.covered.some((prefix) => path === prefix || path.startsWith(`${prefix}.`))) return;
    this.issues.push({ path, expected, found });
  }

  /** Drops later issues at or under `path`: a migration already reported the field under its old name. */
  cover(path: string): void {
    this.covered.push(path);
  }

  /** Records a problem unless `ok`; returns `ok` so callers can skip dependent checks. */
  check(ok: boolean, path: string, expected: string, value: unknown): boolean {
    if (!ok) this.add(path, expected, describeFound(value));
    return ok;
  }

  string(value: unknown, path: string, expected = 'a string'): value is string {
    return this.check(typeof value === 'string', path, expected, value);
  }

  nonEmptyString(value: unknown, path: string): value is string {
    return this.check(typeof value === 'string' && value.length > 0, path, 'a non-empty string', value);
  }

  number(value: unknown, path: string): value is number {
    return this.check(Number.isFinite(value), path, 'a finite number', value);
  }

  integer(value: unknown, path: string, min: number, max?: number): value is number {
    const ok = typeof value === 'number' && Number.isSafeInteger(value) && value >= min && (max === undefined || value <= max);
    return this.check(ok, path, max === undefined ? `an integer ≥ ${min}` : integerRange(min, max), value);
  }

  record(value: unknown, path: string): value is Record<string, unknown> {
    return this.check(isRecord(value), path, 'an object', value);
  }

  array(value: unknown, path: string): value is unknown[] {
    return this.check(Array.isArray(value), path, 'an array', value);
  }

  /** Fields not in `known` are reported: a typo in a field name should not pass silently. */
  onlyKnown(value: Record<string, unknown>, path: string, known: readonly string[]): void {
    for (const key of Object.keys(value)) {
      if (!known.includes(key)) this.add(path === '' ? key : `${path}.${key}`, `no such field (known: ${known.join(', ')})`, describeFound(value[key]));
    }
  }
}

/** One line per issue, under a heading that counts them; `subject` names the document ('The experiment spec'). */
export function formatIssues(issues: readonly SchemaIssue[], subject = 'The design document'): string {
  const heading = issues.length === 1 ? `${subject} has 1 problem:` : `${subject} has ${issues.length} problems:`;
  return [heading, ...issues.map((issue) => `  ${issue.path || '(document)'}: expected ${issue.expected}, found ${issue.found}`)].join('\n');
}
