import { describe, expect, it } from 'vitest';
import { flowToSvg, type SvgColors, type SvgNode } from './flowSvg';

const colors: SvgColors = { background: '#fff', text: '#000', muted: '#666', nodeFill: '#fff', nodeStroke: '#999', groupFill: '#eef', edge: '#888', error: '#f00', warning: '#fa0' };
const node = (id: string, y: number, extra: Partial<SvgNode> = {}): SvgNode => ({ id, x: 0, y, width: 120, height: 40, title: id, subtitle: '299×299×3', group: false, severity: null, ...extra });

describe('flowToSvg', () => {
  it('draws each node with its text and each edge between them, sized to fit', () => {
    const svg = flowToSvg([node('input', 0), node('stem <A&B>', 100, { severity: 'error' })], [{ source: 'input', target: 'stem <A&B>', label: '299×299×3' }], colors);
    expect(svg.startsWith('<svg xmlns="http://www.w3.org/2000/svg"')).toBe(true);
    expect(svg).toContain('>input</text>');
    expect(svg).toContain('stem &lt;A&amp;B&gt;');
    expect(svg.match(/<path /g)).toHaveLength(1);
    expect(svg).toContain('M60,40 C60,70 60,70 60,100');
    expect(svg).toContain('stroke="#f00"');
    expect(svg).toMatch(/viewBox="-20 -20 160 180"/);
    expect(new DOMParserLike(svg).wellFormed()).toBe(true);
  });

  it('skips edges whose ends are not drawn and still makes an image of an empty design', () => {
    const svg = flowToSvg([], [{ source: 'a', target: 'b', label: '' }], colors);
    expect(svg).not.toContain('<path');
    expect(svg).toContain('</svg>');
  });
});

/** A tiny tag-balance check (no DOM in Node): every opened element is closed in order. */
class DOMParserLike {
  constructor(private readonly text: string) {}
  wellFormed(): boolean {
    const stack: string[] = [];
    for (const match of this.text.matchAll(/<(\/?)([a-z]+)[^>]*?(\/?)>/g)) {
      const [, closing, name, selfClosing] = match;
      if (selfClosing) continue;
      if (closing) {
        if (stack.pop() !== name) return false;
      } else stack.push(name);
    }
    return stack.length === 0;
  }
}
