/** The two ends of a design: exactly one input node, and one node whose output is the network's. */

import type { DesignDocument } from '../design/types';
import type { DesignGraph } from './designGraph';
import { diagnostic, listNames } from './diagnostic';
import type { Diagnostic } from './types';

export interface GraphEnds {
  /** The design node that gives the network output, when there is one. */
  output?: string;
  diagnostics: Diagnostic[];
}

export function checkEnds(doc: DesignDocument, graph: DesignGraph, order: readonly string[]): GraphEnds {
  const diagnostics: Diagnostic[] = [];
  const inputs = [...graph.nodes.values()].filter((node) => node.type === 'input').map((node) => node.id);
  if (inputs.length === 0) {
    diagnostics.push(
      diagnostic(
        'error',
        'missing-input-node',
        `The design has no input node; the network needs one for its ${doc.input.height}×${doc.input.width}×${doc.input.channels} images.`,
        'Add an Input node and connect it to the first layer.',
        [],
      ),
    );
  } else if (inputs.length > 1) {
    diagnostics.push(
      diagnostic('error', 'multiple-input-nodes', `The design has ${inputs.length} input nodes (${listNames(inputs)}); a network takes one image.`, 'Keep one Input node and delete the others.', inputs),
    );
  }

  // A sink is a connected node that feeds nothing; unconnected nodes are reported on their own.
  // Stryker disable next-line ArrayDeclaration: every id in the order is a graph node, which has both edge lists
  const sinks = order.filter((id) => (graph.outgoing.get(id) ?? []).length === 0 && (graph.incoming.get(id) ?? []).length > 0);
  const output = sinks[sinks.length - 1];
  if (output === undefined) {
    diagnostics.push(
      diagnostic('error', 'no-output', 'The design has no output: no connected node is left free to give the result.', 'Connect the layers from the input to a head (pooling → dense → softmax).', []),
    );
  } else if (sinks.length > 1) {
    const loose = sinks.slice(0, -1);
    diagnostics.push(
      diagnostic(
        'warning',
        'multiple-outputs',
        `${loose.length === 1 ? `Node ${loose[0]} ends` : `Nodes ${listNames(loose)} end`} without feeding anything; the network output is taken from ${output}.`,
        'Connect the loose branch into the network (e.g. into a concatenation) or delete it.',
        loose,
      ),
    );
  }
  return { output, diagnostics };
}
