/**
 * Design-intent hints: nothing is broken, but the design does something the paper networks never
 * do, and a user would want to know. Info or warning, never errors (a design with hints trains).
 * Each names the node and why it is unusual.
 */

import { getNodeType } from '../design/nodeTypes';
import type { DesignDocument } from '../design/types';
import { diagnostic } from './diagnostic';
import type { Diagnostic, NodeAnalysis, Totals } from './types';

/** The largest grid a Reduction block is built for (Inception-v4's 35×35 A stage). */
const REDUCTION_GRID = 35;
/** The grid the papers' classifiers pool (8×8 at 299×299). */
const CLASSIFIER_GRID = 8;
/** A block doing more than this share of the network's MACs dominates it. */
const DOMINANT_SHARE = 0.5;
/** Fewer nodes with MACs than this: one of them dominating is expected, not a hint. */
const DOMINANT_MIN_NODES = 3;

const POOLING_HEADS = new Set(['globalAvgPool', 'flatten']);

const gridText = (shape: readonly number[]) => `${shape[0]}×${shape[1]}`;

export function designHints(doc: DesignDocument, nodes: Readonly<Record<string, NodeAnalysis>>, totals: Totals): Diagnostic[] {
  const hints: Diagnostic[] = [];
  const costly = doc.nodes.filter((node) => (nodes[node.id]?.cost.macs ?? 0) > 0).length;
  for (const node of doc.nodes) {
    const result = nodes[node.id];
    const input = result?.inputs[0];
    if (!result || input?.length !== 3) continue;
    const category = getNodeType(node.type)?.info.category;
    if (category === 'Reduction blocks' && (input[0] > REDUCTION_GRID || input[1] > REDUCTION_GRID)) {
      hints.push(
        diagnostic(
          'warning',
          'reduction-on-large-grid',
          `Reduction block ${node.id} works on a ${gridText(input)} grid; Reduction blocks are built for 35×35 and 17×17 grids.`,
          'A stem usually comes first and brings the input down to 35×35 (299×299 → 35×35).',
          [node.id],
        ),
      );
    }
    if (POOLING_HEADS.has(node.type) && (input[0] > CLASSIFIER_GRID || input[1] > CLASSIFIER_GRID)) {
      hints.push(
        diagnostic(
          'info',
          'classifier-on-large-grid',
          `The classifier's ${node.id} takes a ${gridText(input)} grid; the papers classify an 8×8 grid.`,
          'A larger input keeps more resolution to the end: fine on purpose, or add a reduction before the head.',
          [node.id],
        ),
      );
    }
    // Nodes with MACs make the total above zero, so the share is a number here.
    const share = result.cost.macs / totals.macs;
    if (costly >= DOMINANT_MIN_NODES && share > DOMINANT_SHARE) {
      hints.push(
        diagnostic(
          'info',
          'dominant-block',
          `${node.id} does ${Math.round(share * 100)}% of the network's multiply-accumulates.`,
          'Most of the time per image goes here; a narrower block or an earlier reduction makes the network cheaper.',
          [node.id],
        ),
      );
    }
  }
  return hints;
}
