/**
 * Reading and writing design documents (`.incept.json`). Parsing is structural: it reports
 * every schema problem with its path, refuses newer versions, migrates older ones; whether the
 * design makes a working network is the analysis's question, so a broken design still opens.
 */

import { formatIssues, IssueList } from './documentIssues';
import { parseJson } from './documentJson';
import { checkCurrentDocument } from './documentSchema';
import { migrateDocument, OLDEST_READABLE_VERSION } from './migrations';
import type { ParseResult, SchemaIssue } from './types';
import { DESIGN_VERSION } from './types';

export { serializeDesign } from './documentJson';

function failure(issues: readonly SchemaIssue[], message = formatIssues(issues)): ParseResult {
  return { ok: false, error: { issues, message } };
}

export function validateDesign(value: unknown): ParseResult {
  const issues = new IssueList();
  if (!issues.record(value, '')) return failure(issues.issues);
  const version = value.version;
  if (!issues.integer(version, 'version', OLDEST_READABLE_VERSION)) {
    checkCurrentDocument(value, issues);
    return failure(issues.issues);
  }
  if (version > DESIGN_VERSION) {
    const message = `This design was written by a newer Inception Studio: format version ${version}, this build reads up to ${DESIGN_VERSION}. Update Inception Studio to open it.`;
    return failure([{ path: 'version', expected: `at most ${DESIGN_VERSION}`, found: String(version) }], message);
  }
  const current = migrateDocument(value, version, DESIGN_VERSION, issues);
  const document = checkCurrentDocument(current, issues);
  if (document === undefined) return failure(issues.issues);
  return { ok: true, value: version < DESIGN_VERSION ? { document, migratedFrom: version } : { document } };
}

export function parseDesign(text: string): ParseResult {
  const parsed = parseJson(text);
  if (!parsed.ok) {
    const { line, column, reason } = parsed.error;
    const where = `line ${line}, column ${column}`;
    return failure([{ path: '(json)', expected: 'valid JSON', found: `${reason} at ${where}` }], `The design file is not valid JSON: ${reason} at ${where}.`);
  }
  return validateDesign(parsed.value);
}
