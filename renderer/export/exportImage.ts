/**
 * Exports of what the window shows: the design canvas as SVG or PNG (drawn from React Flow's
 * laid-out nodes by flowToSvg) and a chart canvas as PNG. The desktop host saves them where
 * the user chooses; in a browser they download, with an offer to keep a copy on the host too.
 */

import type { ReactFlowInstance } from '@xyflow/react';
import type { ImageExportFormat, FileRef, Result, StudioHost } from '../../app/protocol';
import { bytesToBase64 } from '../dom/base64';
import { cssColor } from '../dom/cssColor';
import type { FlowEdge, FlowNode } from '../store/flowTypes';
import { downloadBase64 } from './download';
import { flowToSvg, type SvgColors, type SvgNode } from './flowSvg';

/** A finished export, ready to save or download. */
export interface ExportedFile {
  name: string;
  base64: string;
  type: 'image/png' | 'image/svg+xml';
}

export type ExportOutcome = { kind: 'saved'; file: FileRef } | { kind: 'downloaded'; exported: ExportedFile } | { kind: 'cancelled' };

/** PNGs are drawn at twice the CSS size so they stay sharp on print and high-density screens. */
const PNG_SCALE = 2;

function themeColors(): SvgColors {
  const style = getComputedStyle(document.documentElement);
  const read = (name: string, fallback: string): string => style.getPropertyValue(name).trim() || fallback;
  return {
    background: read('--surface', '#ffffff'),
    text: read('--text', '#1d2330'),
    muted: read('--muted', '#667085'),
    nodeFill: read('--node-bg', '#ffffff'),
    nodeStroke: read('--node-border', '#b8c2d3'),
    groupFill: read('--group-bg', 'rgba(47,111,214,0.05)'),
    edge: read('--edge', '#8a96aa'),
    error: read('--error', '#d93a3a'),
    warning: read('--warning', '#c27c0e'),
  };
}

/** The canvas' nodes at their absolute positions and measured sizes. */
function svgNodes(flow: ReactFlowInstance<FlowNode, FlowEdge>): SvgNode[] {
  return flow.getNodes().flatMap((node) => {
    const internal = flow.getInternalNode(node.id);
    const width = node.measured?.width ?? node.width;
    const height = node.measured?.height ?? node.height;
    if (!internal || width === undefined || height === undefined || node.hidden) return [];
    const { x, y } = internal.internals.positionAbsolute;
    const subtitle = node.type === 'layer' ? `${node.data.kind} → ${node.data.output}` : `${node.data.typeLabel} → ${node.data.output}`;
    return [{ id: node.id, x, y, width, height, title: node.data.title, subtitle, group: node.type === 'expanded', severity: node.data.severity }];
  });
}

function designSvg(flow: ReactFlowInstance<FlowNode, FlowEdge>): string {
  const edges = flow.getEdges().map((edge) => ({ source: edge.source, target: edge.target, label: edge.data?.label ?? '' }));
  return flowToSvg(svgNodes(flow), edges, themeColors());
}

/** Rasterises an SVG document in the page (an <img> drawn onto a canvas). */
async function svgToPngBase64(svg: string, scale = PNG_SCALE): Promise<string> {
  const url = URL.createObjectURL(new Blob([svg], { type: 'image/svg+xml' }));
  try {
    const image = new Image();
    image.src = url;
    await image.decode();
    const canvas = document.createElement('canvas');
    canvas.width = Math.max(1, Math.round(image.naturalWidth * scale));
    canvas.height = Math.max(1, Math.round(image.naturalHeight * scale));
    const context = canvas.getContext('2d');
    if (!context) throw new Error('This window cannot draw to a canvas, so it cannot make a PNG.');
    context.drawImage(image, 0, 0, canvas.width, canvas.height);
    return pngBase64(canvas);
  } finally {
    URL.revokeObjectURL(url);
  }
}

function pngBase64(canvas: HTMLCanvasElement): string {
  const url = canvas.toDataURL('image/png');
  return url.slice(url.indexOf(',') + 1);
}

/** The design canvas as `<name>.svg` or `<name>.png`. */
export async function designImage(flow: ReactFlowInstance<FlowNode, FlowEdge>, format: ImageExportFormat, name: string): Promise<ExportedFile> {
  const svg = designSvg(flow);
  if (format === 'svg') return { name: `${name}.svg`, base64: bytesToBase64(new TextEncoder().encode(svg)), type: 'image/svg+xml' };
  return { name: `${name}.png`, base64: await svgToPngBase64(svg), type: 'image/png' };
}

/** A chart canvas as `<name>.png` on the theme's background (a canvas is transparent), its legend drawn above the plot. */
export function chartImage(canvas: HTMLCanvasElement, name: string, legend: readonly { label: string; color: string }[] = []): ExportedFile {
  const ratio = canvas.width / Math.max(1, canvas.clientWidth || canvas.width);
  const header = legend.length > 0 ? Math.round(20 * ratio) : 0;
  const copy = document.createElement('canvas');
  copy.width = canvas.width;
  copy.height = canvas.height + header;
  const context = copy.getContext('2d');
  if (context) {
    const colors = themeColors();
    context.fillStyle = colors.background;
    context.fillRect(0, 0, copy.width, copy.height);
    context.drawImage(canvas, 0, header);
    context.font = `${Math.round(11 * ratio)}px system-ui, sans-serif`;
    context.textBaseline = 'middle';
    let x = 8 * ratio;
    for (const entry of legend) {
      context.fillStyle = cssColor(entry.color);
      context.fillRect(x, header / 2 - ratio, 14 * ratio, 2 * ratio);
      context.fillStyle = colors.text;
      context.fillText(entry.label, x + 18 * ratio, header / 2);
      x += 18 * ratio + context.measureText(entry.label).width + 12 * ratio;
    }
  }
  return { name: `${name}.png`, base64: pngBase64(copy), type: 'image/png' };
}

/** Desktop: the host asks where and saves. Browser: a download now; `saveOnHost` keeps a copy there too. */
export async function deliverExport(host: StudioHost, exported: ExportedFile): Promise<Result<ExportOutcome>> {
  const info = await host.info();
  if (info.kind === 'web') {
    downloadBase64(exported.name, exported.base64, exported.type);
    return { ok: true, value: { kind: 'downloaded', exported } };
  }
  return saveOnHost(host, exported);
}

export async function saveOnHost(host: StudioHost, exported: ExportedFile): Promise<Result<ExportOutcome>> {
  const reply = await host.exportFile({ suggestedName: exported.name, base64: exported.base64 });
  if (!reply.ok) return reply;
  return { ok: true, value: reply.value ? { kind: 'saved', file: reply.value } : { kind: 'cancelled' } };
}
