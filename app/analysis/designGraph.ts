/**
 * The design as a graph of nodes and ordered edges: drops edges that cannot be followed
 * (dangling ends, a second edge into the same port) and reports them.
 */

import type { DesignDocument, DesignEdge, DesignNode } from '../design/types';
import { edgeKey } from '../design/edits';
import { diagnostic } from './diagnostic';
import type { Diagnostic } from './types';

export interface DesignGraph {
  /** Nodes by id, in document order; a repeated id keeps its first node. */
  nodes: Map<string, DesignNode>;
  /** Usable edges into each node, in port order. */
  incoming: Map<string, DesignEdge[]>;
  /** Usable edges out of each node. */
  outgoing: Map<string, DesignEdge[]>;
  diagnostics: Diagnostic[];
}

export function buildDesignGraph(doc: DesignDocument): DesignGraph {
  const nodes = new Map<string, DesignNode>();
  const incoming = new Map<string, DesignEdge[]>();
  const outgoing = new Map<string, DesignEdge[]>();
  const diagnostics: Diagnostic[] = [];

  for (const node of doc.nodes) {
    if (nodes.has(node.id)) {
      diagnostics.push(
        diagnostic('error', 'duplicate-node-id', `Two nodes share the id ${node.id}; the second (${node.type}) is ignored.`, 'Give every node its own id.', [node.id]),
      );
      continue;
    }
    nodes.set(node.id, node);
    incoming.set(node.id, []);
    outgoing.set(node.id, []);
  }

  for (const edge of doc.edges) {
    const missing = [edge.source, edge.target].filter((id) => !nodes.has(id));
    if (missing.length > 0) {
      diagnostics.push(
        diagnostic(
          'error',
          'dangling-edge',
          `Edge ${edgeKey(edge)} refers to ${missing.map((id) => `node ${id}`).join(' and ')}, which ${missing.length > 1 ? 'do' : 'does'} not exist.`,
          'Delete the edge or reconnect it to existing nodes.',
          [edge.source, edge.target].filter((id) => nodes.has(id)),
          { edges: [edgeKey(edge)] },
        ),
      );
      continue;
    }
    incoming.get(edge.target)?.push(edge);
  }

  for (const [target, edges] of incoming) {
    edges.sort((a, b) => a.port - b.port);
    const kept: DesignEdge[] = [];
    for (const edge of edges) {
      const previous = kept[kept.length - 1];
      if (previous !== undefined && previous.port === edge.port) {
        diagnostics.push(
          diagnostic(
            'error',
            'duplicate-port',
            `Node ${target} has two edges into port ${edge.port} (from ${previous.source} and from ${edge.source}); the one from ${edge.source} is ignored.`,
            `Connect ${edge.source} to a free port of ${target}.`,
            [target, edge.source],
            { edges: [edgeKey(previous), edgeKey(edge)] },
          ),
        );
        continue;
      }
      kept.push(edge);
      outgoing.get(edge.source)?.push(edge);
    }
    incoming.set(target, kept);
  }

  return { nodes, incoming, outgoing, diagnostics };
}
