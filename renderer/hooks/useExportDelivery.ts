import { useCallback } from 'react';
import type { Result } from '../../app/protocol';
import { errorMessage } from '../../app/result';
import { deliverExport, type ExportedFile, type ExportOutcome } from '../export/exportImage';
import { exportNoticeOf } from '../export/exportNotice';
import { useEditorContext } from './useEditorContext';
import { useRunStore } from './useRun';

/** Makes an export (a chart), delivers it as the host does, and reports in the status bar. */
export function useExportDelivery(): (make: () => ExportedFile | Promise<ExportedFile>) => Promise<void> {
  const { host } = useEditorContext();
  const store = useRunStore();
  return useCallback(
    async (make) => {
      let result: Result<ExportOutcome>;
      try {
        result = await deliverExport(host, await make());
      } catch (error) {
        result = { ok: false, error: errorMessage(error) };
      }
      store.getState().setExportNotice(exportNoticeOf(result));
    },
    [host, store],
  );
}
