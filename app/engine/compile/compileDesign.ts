/** Design document → analysed, checked, compiled model. A design with errors is refused. */

import type * as tf from '@tensorflow/tfjs';
import { analyze } from '../../analysis/analyze';
import { hasErrors } from '../../analysis/diagnostic';
import type { Analysis } from '../../analysis/types';
import type { DesignDocument } from '../../design/types';
import { compileGraph, type CompileOptions } from './compileGraph';
import { DesignErrorsError } from './errors';

export interface CompiledDesign {
  model: tf.LayersModel;
  analysis: Analysis;
}

/** @throws DesignErrorsError when the analysis reports errors (carries the diagnostics). */
export function compileDesign(doc: DesignDocument, options: CompileOptions = {}): CompiledDesign {
  const analysis = analyze(doc);
  if (hasErrors(analysis.diagnostics)) throw new DesignErrorsError(doc.name, analysis.diagnostics);
  return { model: compileGraph(analysis.graph, { name: doc.name.replace(/[^A-Za-z0-9_-]/g, '_') || 'inception', ...options }), analysis };
}
