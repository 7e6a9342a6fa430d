import { memo, useCallback, useEffect, useState } from 'react';
import type { DatasetKind } from '../../../app/protocol';
import { useEditor } from '../../hooks/useEditor';
import { useEditorContext } from '../../hooks/useEditorContext';
import { useRun, useRunStore } from '../../hooks/useRun';
import { ask } from '../../store/runCommands';
import { DirectoryBrowser } from './DirectoryBrowser';
import { ScanReportView } from './ScanReportView';

/** Picks the dataset (the bundled sample by default) and shows its scan before training. */
function DatasetSectionView({ disabled }: { disabled: boolean }) {
  const { host } = useEditorContext();
  const store = useRunStore();
  const dataPath = useRun((s) => s.setup.dataPath);
  const scan = useRun((s) => s.scan);
  const inputSize = useEditor((s) => s.document.input.height);
  const [browseFrom, setBrowseFrom] = useState<string | null>(null);
  // The desktop host has native dialogs (and may read only what the user chose in them); the web host is browsed.
  const [nativeDialogs, setNativeDialogs] = useState(false);
  useEffect(() => {
    let live = true;
    void host.info().then((info) => live && setNativeDialogs(info.kind === 'electron'), () => undefined);
    return () => {
      live = false;
    };
  }, [host]);

  const runScan = useCallback(async () => {
    const path = store.getState().setup.dataPath.trim();
    store.getState().setScan({ path, report: null, error: null, busy: true });
    const result = await ask(() => host.scanDataset({ ...(path ? { path } : {}), inputSize }));
    if (store.getState().scan?.path !== path) return;
    store.getState().setScan({ path, report: result.ok ? result.value : null, error: result.ok ? null : result.error, busy: false });
  }, [host, store, inputSize]);

  // The bundled sample is scanned as soon as the panel opens.
  useEffect(() => {
    if (store.getState().scan === null) void runScan();
  }, [store, runScan]);

  const browse = async () => {
    const info = await host.info();
    setBrowseFrom(dataPath.trim() || info.roots[0] || '/');
  };

  const choose = async (kind: DatasetKind) => {
    const result = await ask(() => host.chooseDataset({ kind }));
    if (!result.ok) return store.getState().setScan({ path: dataPath, report: null, error: result.error, busy: false });
    if (result.value === null) return;
    store.getState().setSetup({ dataPath: result.value });
    void runScan();
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
        <button type="button" onClick={() => void runScan()} disabled={scan?.busy}>
          Scan dataset
        </button>
      </div>
      {browseFrom !== null ? (
        <DirectoryBrowser
          start={browseFrom}
          onCancel={() => setBrowseFrom(null)}
          onChoose={(path) => {
            setBrowseFrom(null);
            store.getState().setSetup({ dataPath: path });
            void runScan();
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
