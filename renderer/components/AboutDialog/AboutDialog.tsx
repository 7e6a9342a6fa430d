import { memo, useEffect, useState } from 'react';
import type { HostInfo } from '../../../app/protocol';
import { APP_LICENCE, APP_NAME, versionLine, versionRows } from '../../../app/versions';
import { useEditor } from '../../hooks/useEditor';
import { useEditorContext } from '../../hooks/useEditorContext';
import './AboutDialog.css';

/** Help › About: the app's version and what it runs on (for bug reports), its licence and notices. */
function AboutDialogView() {
  const open = useEditor((s) => s.ui.about);
  const setUi = useEditor((s) => s.setUi);
  const { host } = useEditorContext();
  const [info, setInfo] = useState<HostInfo | null>(null);
  const [status, setStatus] = useState('');

  useEffect(() => {
    if (!open) return;
    setStatus('');
    void host.info().then(setInfo, (error: unknown) => setStatus(`Cannot read the versions: ${error instanceof Error ? error.message : String(error)}`));
  }, [host, open]);

  if (!open) return null;
  const close = () => setUi({ about: false });
  const copy = () => {
    if (!info) return;
    navigator.clipboard.writeText(versionLine(info.versions)).then(
      () => setStatus('Copied.'),
      () => setStatus('The clipboard is not available here; select the versions and copy them.'),
    );
  };
  return (
    <div className="modal" role="dialog" aria-modal="true" aria-labelledby="about-dialog-title" onKeyDown={(event) => event.key === 'Escape' && close()}>
      <div className="modal__panel about-dialog__panel">
        <h2 id="about-dialog-title" className="about-dialog__title">
          {APP_NAME}
        </h2>
        <p className="about-dialog__text">Design Inception-family networks on a node graph and train them on your own machine.</p>
        {info ? (
          <table className="about-dialog__versions" aria-label="Versions">
            <tbody>
              {versionRows(info.versions).map(([label, value]) => (
                <tr key={label}>
                  <th scope="row">{label}</th>
                  <td>{value}</td>
                </tr>
              ))}
            </tbody>
          </table>
        ) : (
          <p className="about-dialog__text">Reading the versions…</p>
        )}
        <p className="about-dialog__text">
          Released under the {APP_LICENCE} licence. Third-party notices: {info?.notices ? <code className="about-dialog__path">{info.notices}</code> : 'THIRD-PARTY-NOTICES.md, written by the build next to the app.'}
        </p>
        <p className="about-dialog__status" role="status">
          {status}
        </p>
        <div className="about-dialog__buttons">
          <button type="button" className="dialog-button" disabled={!info} onClick={copy}>
            Copy versions
          </button>
          <button type="button" className="dialog-button" autoFocus onClick={close}>
            Close
          </button>
        </div>
      </div>
    </div>
  );
}

export const AboutDialog = memo(AboutDialogView);
