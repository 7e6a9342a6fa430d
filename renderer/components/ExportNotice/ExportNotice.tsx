import { memo } from 'react';
import { saveOnHost } from '../../export/exportImage';
import { exportNoticeOf } from '../../export/exportNotice';
import { useEditorContext } from '../../hooks/useEditorContext';
import { useRun, useRunStore } from '../../hooks/useRun';
import './ExportNotice.css';

/** The last export's outcome; after a browser download, a button keeps a copy on the host too. */
function ExportNoticeView() {
  const { host } = useEditorContext();
  const store = useRunStore();
  const notice = useRun((s) => s.exportNotice);
  if (!notice) return null;
  const offer = notice.offer;
  return (
    <span className="export-notice">
      <span role="status">{notice.text}</span>
      {offer ? (
        <button type="button" onClick={() => void saveOnHost(host, offer).then((result) => store.getState().setExportNotice(exportNoticeOf(result)))}>
          Save a copy on the host
        </button>
      ) : null}
      <button type="button" aria-label="Dismiss the export message" onClick={() => store.getState().setExportNotice(null)}>
        ×
      </button>
    </span>
  );
}

export const ExportNotice = memo(ExportNoticeView);
