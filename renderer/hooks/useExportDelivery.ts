import { useCallback } from 'react';
import { deliverExport, type ExportedFile, type ExportOutcome } from '../export/exportImage';
import type { Result } from '../../app/protocol';
import type { ExportNotice } from '../store/runStore';
import { useEditorContext } from './useEditorContext';
import { useRunStore } from './useRun';

/** What an export's outcome says in the dock bar. */
export function exportNoticeOf(result: Result<ExportOutcome>): ExportNotice | null {
  if (!result.ok) return { text: `Export failed: ${result.error}`, offer: null };
  const outcome = result.value;
  switch (outcome.kind) {
    case 'saved':
      return { text: `Exported ${outcome.file.path}`, offer: null };
    case 'downloaded':
      return { text: `Downloaded ${outcome.exported.name}`, offer: outcome.exported };
    case 'cancelled':
      return null;
  }
}

/** Makes an export (design image, chart), delivers it as the host does, and reports in the dock bar. */
export function useExportDelivery(): (make: () => ExportedFile | Promise<ExportedFile>) => Promise<void> {
  const { host } = useEditorContext();
  const store = useRunStore();
  return useCallback(
    async (make) => {
      let result: Result<ExportOutcome>;
      try {
        result = await deliverExport(host, await make());
      } catch (error) {
        result = { ok: false, error: error instanceof Error ? error.message : String(error) };
      }
      store.getState().setExportNotice(exportNoticeOf(result));
    },
    [host, store],
  );
}
