import { describe, expect, it } from 'vitest';
import type { ExportedFile } from './exportImage';
import { exportNoticeOf } from './exportNotice';

describe('exportNoticeOf', () => {
  const exported: ExportedFile = { name: 'net.svg', base64: 'PHN2Zy8+', type: 'image/svg+xml' };

  it('names the saved file, or the download with an offer to keep a copy on the host', () => {
    expect(exportNoticeOf({ ok: true, value: { kind: 'saved', file: { path: '/r/net.svg', name: 'net.svg' } } })).toEqual({ text: 'Exported /r/net.svg', offer: null });
    expect(exportNoticeOf({ ok: true, value: { kind: 'downloaded', exported } })).toEqual({ text: 'Downloaded net.svg', offer: exported });
  });

  it('says nothing when the user cancelled, and why an export failed', () => {
    expect(exportNoticeOf({ ok: true, value: { kind: 'cancelled' } })).toBeNull();
    expect(exportNoticeOf({ ok: false, error: 'disk full' })).toEqual({ text: 'Export failed: disk full', offer: null });
  });
});
