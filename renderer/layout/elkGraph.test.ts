import { describe, expect, it } from 'vitest';
import ELK from 'elkjs/lib/elk.bundled.js';
import { fromElkGraph, toElkGraph } from './elkGraph';

describe('ELK layout request', () => {
  it('lays a diamond out top-down with no overlaps and drops edges to unknown nodes', async () => {
    const nodes = ['in', 'a', 'b', 'cat'].map((id) => ({ id, width: 220, height: 62 }));
    const edges = [
      { source: 'in', target: 'a', port: 0 },
      { source: 'in', target: 'b', port: 0 },
      { source: 'b', target: 'cat', port: 1 },
      { source: 'a', target: 'cat', port: 0 },
      { source: 'ghost', target: 'cat', port: 2 },
    ];
    const graph = toElkGraph({ nodes, edges });
    expect(graph.edges?.map((e) => e.id)).toEqual(['in->a:0', 'in->b:0', 'a->cat:0', 'b->cat:1']);
    const at = fromElkGraph(await new ELK().layout(graph));
    expect(at.in.y).toBeLessThan(at.a.y);
    expect(at.a.y).toBe(at.b.y);
    expect(Math.abs(at.a.x - at.b.x)).toBeGreaterThanOrEqual(220);
    expect(at.cat.y).toBeGreaterThan(at.a.y);
  });
});
