/**
 * Exports of what the window shows, through the host's `exportFile`: the design canvas as SVG
 * or PNG (drawn from React Flow's laid-out nodes by flowToSvg) and a chart canvas as PNG.
 */

import type { ReactFlowInstance } from '@xyflow/react';
import type { ExportFormat, FileRef, Result, StudioHost } from '../../app/protocol';
import type { FlowEdge, FlowNode } from '../store/flowTypes';
import { flowToSvg, type SvgColors, type SvgNode } from './flowSvg';

/** PNGs are drawn at twice the CSS size so they stay sharp on print and high-density screens. */
const PNG_SCALE = 2;

function base64OfBytes(bytes: Uint8Array): string {
  let binary = '';
  for (let i = 0; i < bytes.length; i += 0x8000) binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(binary);
}

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

/** Saves the design canvas as `<name>.svg` or `<name>.png`; null when the user cancelled. */
export async function exportDesignImage(host: StudioHost, flow: ReactFlowInstance<FlowNode, FlowEdge>, format: ExportFormat, name: string): Promise<Result<FileRef | null>> {
  const svg = designSvg(flow);
  const base64 = format === 'svg' ? base64OfBytes(new TextEncoder().encode(svg)) : await svgToPngBase64(svg);
  return host.exportFile({ suggestedName: `${name}.${format}`, base64 });
}

/** Saves a chart canvas as a PNG, on the theme's background (a canvas is transparent). */
export function exportChartPng(host: StudioHost, canvas: HTMLCanvasElement, name: string): Promise<Result<FileRef | null>> {
  const copy = document.createElement('canvas');
  copy.width = canvas.width;
  copy.height = canvas.height;
  const context = copy.getContext('2d');
  if (context) {
    context.fillStyle = themeColors().background;
    context.fillRect(0, 0, copy.width, copy.height);
    context.drawImage(canvas, 0, 0);
  }
  return host.exportFile({ suggestedName: `${name}.png`, base64: pngBase64(copy) });
}
