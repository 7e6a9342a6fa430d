/**
 * The design canvas as a standalone SVG: one box per node (title, kind, output shape), one
 * curve per edge with its shape label. Built from laid-out node boxes rather than by copying
 * the DOM, so the file is small, selectable text, and needs no stylesheet.
 */

export interface SvgNode {
  id: string;
  x: number;
  y: number;
  width: number;
  height: number;
  title: string;
  subtitle: string;
  /** An expanded block: drawn as a frame behind its layers. */
  group: boolean;
  severity: 'error' | 'warning' | null;
}

export interface SvgEdge {
  source: string;
  target: string;
  label: string;
}

export interface SvgColors {
  background: string;
  text: string;
  muted: string;
  nodeFill: string;
  nodeStroke: string;
  groupFill: string;
  edge: string;
  error: string;
  warning: string;
}

const MARGIN = 20;

const escapeXml = (text: string): string => text.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&apos;' })[c]!);
const round = (value: number): number => Math.round(value * 10) / 10;

function edgePath(from: SvgNode, to: SvgNode): { d: string; mid: { x: number; y: number } } {
  const x1 = from.x + from.width / 2;
  const y1 = from.y + from.height;
  const x2 = to.x + to.width / 2;
  const y2 = to.y;
  const bend = Math.max(20, Math.abs(y2 - y1) / 2);
  return { d: `M${round(x1)},${round(y1)} C${round(x1)},${round(y1 + bend)} ${round(x2)},${round(y2 - bend)} ${round(x2)},${round(y2)}`, mid: { x: (x1 + x2) / 2, y: (y1 + y2) / 2 } };
}

/** An SVG document of the nodes and edges; empty designs give a small blank image. */
export function flowToSvg(nodes: readonly SvgNode[], edges: readonly SvgEdge[], colors: SvgColors): string {
  const minX = Math.min(0, ...nodes.map((n) => n.x)) - MARGIN;
  const minY = Math.min(0, ...nodes.map((n) => n.y)) - MARGIN;
  const maxX = Math.max(100, ...nodes.map((n) => n.x + n.width)) + MARGIN;
  const maxY = Math.max(60, ...nodes.map((n) => n.y + n.height)) + MARGIN;
  const width = round(maxX - minX);
  const height = round(maxY - minY);
  const byId = new Map(nodes.map((node) => [node.id, node]));
  const stroke = (node: SvgNode): string => (node.severity === 'error' ? colors.error : node.severity === 'warning' ? colors.warning : colors.nodeStroke);

  const parts: string[] = [
    `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" viewBox="${round(minX)} ${round(minY)} ${width} ${height}" font-family="system-ui, sans-serif">`,
    `<rect x="${round(minX)}" y="${round(minY)}" width="${width}" height="${height}" fill="${colors.background}"/>`,
  ];
  // Frames first so layers and edges draw over them.
  for (const node of nodes.filter((n) => n.group)) {
    parts.push(`<rect x="${round(node.x)}" y="${round(node.y)}" width="${round(node.width)}" height="${round(node.height)}" rx="8" fill="${colors.groupFill}" stroke="${stroke(node)}" stroke-dasharray="4 3"/>`);
    parts.push(`<text x="${round(node.x + 8)}" y="${round(node.y + 16)}" font-size="12" font-weight="600" fill="${colors.text}">${escapeXml(node.title)}</text>`);
  }
  for (const edge of edges) {
    const from = byId.get(edge.source);
    const to = byId.get(edge.target);
    if (!from || !to) continue;
    const { d, mid } = edgePath(from, to);
    parts.push(`<path d="${d}" fill="none" stroke="${colors.edge}" stroke-width="1.5"/>`);
    if (edge.label) parts.push(`<text x="${round(mid.x + 4)}" y="${round(mid.y)}" font-size="10" fill="${colors.muted}">${escapeXml(edge.label)}</text>`);
  }
  for (const node of nodes.filter((n) => !n.group)) {
    parts.push(`<rect x="${round(node.x)}" y="${round(node.y)}" width="${round(node.width)}" height="${round(node.height)}" rx="6" fill="${colors.nodeFill}" stroke="${stroke(node)}" stroke-width="1.5"/>`);
    parts.push(`<text x="${round(node.x + 8)}" y="${round(node.y + 17)}" font-size="12" font-weight="600" fill="${colors.text}">${escapeXml(node.title)}</text>`);
    if (node.subtitle) parts.push(`<text x="${round(node.x + 8)}" y="${round(node.y + 32)}" font-size="10" fill="${colors.muted}">${escapeXml(node.subtitle)}</text>`);
  }
  parts.push('</svg>');
  return parts.join('\n');
}
