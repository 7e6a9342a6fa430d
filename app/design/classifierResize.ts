/**
 * What training would do to a design's classifier: a run sizes the classifier to the
 * dataset's classes (app/engine/train/prepareModel). The window asks first, so the change shows
 * in the design and is the user's to accept or cancel.
 */

import { classCount, classifierNodes } from './designSettings';
import type { DesignDocument } from './types';

export interface ClassifierResize {
  /** The classifier node (the dense layer whose units are the class count). */
  node: string;
  from: number;
  to: number;
}

/** The resize a run on a dataset of `classes` classes would make; null when the sizes agree, the count is unknown or there is no classifier. */
export function classifierResize(document: DesignDocument, classes: number | undefined): ClassifierResize | null {
  const [node] = classifierNodes(document);
  const from = classCount(document);
  // Stryker disable next-line ConditionalExpression: with no classifier node classCount is undefined too; this narrows node's type
  if (node === undefined) return null;
  if (from === undefined || classes === undefined || classes < 1 || from === classes) return null;
  return { node, from, to: classes };
}
