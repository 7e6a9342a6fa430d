/** Building diagnostics and their messages, and asking whether a design has errors. */

import type { Diagnostic, DiagnosticCode, Severity } from './types';

export function diagnostic(
  severity: Severity,
  code: DiagnosticCode,
  message: string,
  hint: string,
  nodes: readonly string[],
  extra: Pick<Diagnostic, 'layer' | 'edges' | 'fix'> = {},
): Diagnostic {
  return { severity, code, message, nodes, hint, ...extra };
}

/** `a, b and c` */
export function listNames(names: readonly string[]): string {
  // Stryker disable next-line StringLiteral: with one name or none the separator never shows
  if (names.length <= 1) return names.join('');
  return `${names.slice(0, -1).join(', ')} and ${names[names.length - 1]}`;
}

/** Whether any diagnostic is an error, which makes a design unusable for training and compiling. */
export function hasErrors(diagnostics: readonly Pick<Diagnostic, 'severity'>[]): boolean {
  return diagnostics.some((d) => d.severity === 'error');
}
