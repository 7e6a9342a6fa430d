import { memo, useCallback, useEffect, useState } from 'react';
import type { DatasetKind } from '../../../app/protocol';
import { useEditor } from '../../hooks/useEditor';
import { useEditorContext } from '../../hooks/useEditorContext';
import { useHostInfo } from '../../hooks/useHostInfo';
import { joinPath } from '../../documents/hostPaths';
import { UploadToHost } from '../UploadToHost/UploadToHost';
import { useRun, useRunStore } from '../../hooks/useRun';
import { ask } from '../../store/runCommands';
import { DirectoryBrowser } from './DirectoryBrowser';
import { ScanReportView } from './ScanReportView';

const RESCAN_AFTER_TYPING_MS = 600;

/** Picks the dataset (the bundled sample by default) and shows its scan before training. */
function DatasetSectionView({ disabled }: { disabled: boolean }) {
  const { host } = useEditorContext();
  const store = useRunStore();
  const dataPath = useRun((s) => s.setup.dataPath);
  const scan = useRun((s) => s.scan);
  const inputSize = useEditor((s) => s.document.input.height);
  const [browseFrom, setBrowseFrom] = useState<string | null>(null);
  const info = useHostInfo();
  // The desktop host has native dialogs (and may read only what the user chose in them); the web host is browsed.
  const nativeDialogs = info?.kind === 'electron';

  const runScan = useCallback(async () => {
    const path = store.getState().setup.dataPath.trim();
    store.getState().setScan({ path, inputSize, report: null, error: null, busy: true });
    const result = await ask(() => host.scanDataset({ ...(path ? { path } : {}), inputSize }));
    const latest = store.getState().scan;
    if (latest?.path !== path || latest.inputSize !== inputSize) return;
    store.getState().setScan({ path, inputSize, report: result.ok ? result.value : null, error: result.ok ? null : result.error, busy: false });
  }, [host, store, inputSize]);

  // The notes follow the folder and the design's input size by themselves: the bundled sample
  // is scanned when the panel opens, a typed path once typing pauses, a new input size at once.
  useEffect(() => {
    const scanned = store.getState().scan;
    if (scanned && scanned.path === dataPath.trim() && scanned.inputSize === inputSize) return;
    const timer = setTimeout(() => void runScan(), scanned === null || scanned.path === dataPath.trim() ? 0 : RESCAN_AFTER_TYPING_MS);
    return () => clearTimeout(timer);
  }, [store, runScan, dataPath, inputSize]);

  const browse = async () => {
    const info = await host.info();
    setBrowseFrom(dataPath.trim() || info.roots[0] || '/');
  };

  const choose = async (kind: DatasetKind) => {
    const result = await ask(() => host.chooseDataset({ kind }));
    if (!result.ok) return store.getState().setScan({ path: dataPath, inputSize, report: null, error: result.error, busy: false });
    // The new path is scanned by the effect above, as a typed one is.
    if (result.value !== null) store.getState().setSetup({ dataPath: result.value });
  };

  return (
    <fieldset className="training-panel__fieldset" disabled={disabled}>
      <legend>Dataset</legend>
      <div className="training-panel__row">
        <label htmlFor="training-dataset-path">Dataset folder or CSV</label>
        <input
          id="training-dataset-path"
          type="text"
          placeholder="bundled sample (Fashion-MNIST)"
          value={dataPath}
          onChange={(event) => store.getState().setSetup({ dataPath: event.target.value })}
          onKeyDown={(event) => event.key === 'Enter' && void runScan()}
          spellCheck={false}
        />
        {nativeDialogs ? (
          <>
            <button type="button" onClick={() => void choose('folder')}>
              Folder…
            </button>
            <button type="button" onClick={() => void choose('csv')}>
              CSV…
            </button>
          </>
        ) : (
          <button type="button" onClick={() => void browse()}>
            Browse…
          </button>
        )}
        <button type="button" onClick={() => void runScan()} disabled={scan?.busy} title="Read the folder again (files changed on disk)">
          Scan again
        </button>
      </div>
      {info?.kind === 'web' ? (
        // The browser may be on another machine than the host: a dataset from here goes there first.
        <UploadToHost
          kind="folder"
          label="Upload a dataset folder…"
          roots={info.roots}
          onUploaded={({ folder, top }) => store.getState().setSetup({ dataPath: top ? joinPath(folder, top) : folder })}
        />
      ) : null}
      {browseFrom !== null ? (
        <DirectoryBrowser
          start={browseFrom}
          onCancel={() => setBrowseFrom(null)}
          onChoose={(path) => {
            setBrowseFrom(null);
            store.getState().setSetup({ dataPath: path });
          }}
        />
      ) : null}
      {scan?.busy ? <p role="status">Scanning {scan.path || 'the bundled sample'}…</p> : null}
      {scan?.error ? (
        <p role="alert" className="training-panel__error">
          {scan.error}
        </p>
      ) : null}
      {scan?.report ? <ScanReportView report={scan.report} /> : null}
    </fieldset>
  );
}

export const DatasetSection = memo(DatasetSectionView);
