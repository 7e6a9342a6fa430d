/** A design that cannot be compiled, with the analysis diagnostics that say why. */

import type { Diagnostic } from '../../analysis/types';

export class DesignErrorsError extends Error {
  readonly diagnostics: readonly Diagnostic[];

  constructor(designName: string, diagnostics: readonly Diagnostic[]) {
    const errors = diagnostics.filter((d) => d.severity === 'error');
    const lines = errors.slice(0, 10).map((d) => `  ${d.nodes[0] ?? '(design)'}${d.layer ? ` [${d.layer}]` : ''}: ${d.message}`);
    const more = errors.length > 10 ? `\n  … and ${errors.length - 10} more` : '';
    super(`Design '${designName}' has ${errors.length} error${errors.length === 1 ? '' : 's'} and cannot be built:\n${lines.join('\n')}${more}`);
    this.name = 'DesignErrorsError';
    this.diagnostics = errors;
  }
}

/** A layer graph the compiler cannot turn into a model (a bug upstream, or a hand-built graph). */
export class GraphCompileError extends Error {
  constructor(
    message: string,
    readonly layerId?: string,
  ) {
    super(layerId ? `Layer '${layerId}': ${message}` : message);
    this.name = 'GraphCompileError';
  }
}
