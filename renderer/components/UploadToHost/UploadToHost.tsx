import { useId, useState } from 'react';
import { UPLOAD_EXTENSIONS } from '../../../app/uploads';
import { bytesToBase64 } from '../../dom/base64';
import { joinPath } from '../../documents/hostPaths';
import { planUpload, type PickedFile } from '../../documents/uploadPlan';
import { formatBytes } from '../../format/quantities';
import { useEditorContext } from '../../hooks/useEditorContext';
import { ask } from '../../store/runCommands';
import './UploadToHost.css';

export interface Uploaded {
  /** The host folder the files went into (root plus subfolder). */
  folder: string;
  /** The top folder of a folder upload (`flowers` for `flowers/rose/1.jpg`); null for single files. */
  top: string | null;
  paths: readonly string[];
  files: readonly File[];
}

interface UploadToHostProps {
  /** A whole folder (a dataset) or single files (images). */
  kind: 'folder' | 'files';
  label: string;
  roots: readonly string[];
  onUploaded(uploaded: Uploaded): void;
}

type Picked = PickedFile & { file: File };

const plural = (count: number, noun: string): string => `${count.toLocaleString('en-US')} ${noun}${count === 1 ? '' : 's'}`;
const relativePathOf = (file: File): string => file.webkitRelativePath || file.name;
// The directory picker is not in React's typings; the attribute passes through as written.
const FOLDER_PICKER = { webkitdirectory: '', directory: '' } as Record<string, string>;

/**
 * Sends files from the user's machine into a folder on the host (the browser may be on a laptop,
 * the host on a server): pick a folder or files, choose one of the host's folders and an
 * optional subfolder, upload in small requests with progress. Nothing is overwritten.
 */
export function UploadToHost({ kind, label, roots, onUploaded }: UploadToHostProps) {
  const { host } = useEditorContext();
  const id = useId();
  const [picked, setPicked] = useState<Picked[] | null>(null);
  const [root, setRoot] = useState(roots[0] ?? '');
  const [subfolder, setSubfolder] = useState('');
  const [progress, setProgress] = useState<{ done: number; total: number } | null>(null);
  const [message, setMessage] = useState<{ error: boolean; text: string } | null>(null);

  const plan = picked ? planUpload(picked, subfolder) : null;
  const top = kind === 'folder' && picked?.[0] ? (relativePathOf(picked[0].file).split('/')[0] ?? null) : null;

  const pick = (files: FileList | null) => {
    setMessage(null);
    setPicked(files && files.length > 0 ? [...files].map((file) => ({ file, relativePath: relativePathOf(file), size: file.size })) : null);
  };

  const upload = async () => {
    if (!plan || !picked) return;
    const total = plan.batches.reduce((sum, batch) => sum + batch.length, 0);
    const written: string[] = [];
    setProgress({ done: 0, total });
    for (const batch of plan.batches) {
      const files = await Promise.all(batch.map(async (entry) => ({ path: entry.relativePath, base64: bytesToBase64(new Uint8Array(await entry.file.arrayBuffer())) })));
      const reply = await ask(() => host.uploadFiles({ folder: root, files }));
      if (!reply.ok) {
        setProgress(null);
        const kept = written.length > 0 ? ` ${plural(written.length, 'file')} uploaded before this stay in ${root}.` : '';
        return setMessage({ error: true, text: `${reply.error}${kept}` });
      }
      written.push(...reply.value);
      setProgress({ done: written.length, total });
    }
    setProgress(null);
    setPicked(null);
    const folder = subfolder.trim() ? joinPath(root, subfolder.trim().replace(/^\/+|\/+$/g, '')) : root;
    setMessage({ error: false, text: `Uploaded ${plural(written.length, 'file')} into ${top ? joinPath(folder, top) : folder}` });
    onUploaded({ folder, top, paths: written, files: plan.batches.flat().map((entry) => entry.file) });
  };

  return (
    <div className="upload-to-host">
      <label className="upload-to-host__pick">
        {label}
        <input
          type="file"
          multiple
          accept={kind === 'files' ? UPLOAD_EXTENSIONS.join(',') : undefined}
          aria-label={label}
          {...(kind === 'folder' ? FOLDER_PICKER : {})}
          onChange={(event) => {
            pick(event.target.files);
            event.target.value = '';
          }}
        />
      </label>
      {picked && plan ? (
        <div className="upload-to-host__plan" role="group" aria-label="Upload to the host">
          <p>
            {plural(plan.batches.reduce((sum, batch) => sum + batch.length, 0), 'file')}, {formatBytes(plan.bytes)}
            {top ? ` from “${top}”` : ''}
            {plan.skipped.length > 0 ? `; ${plan.skipped.length} left out (${plan.skipped.slice(0, 3).map((skip) => `${skip.path} ${skip.why}`).join('; ')}${plan.skipped.length > 3 ? '; …' : ''})` : ''}
          </p>
          <div className="training-panel__row">
            <label htmlFor={`${id}-root`}>Into</label>
            <select id={`${id}-root`} value={root} onChange={(event) => setRoot(event.target.value)} aria-label="Host folder">
              {roots.map((option) => (
                <option key={option} value={option}>
                  {option}
                </option>
              ))}
            </select>
            <span>/</span>
            <input type="text" value={subfolder} placeholder="subfolder (optional)" aria-label="Subfolder" spellCheck={false} onChange={(event) => setSubfolder(event.target.value)} />
          </div>
          <div className="training-panel__row">
            <button type="button" disabled={progress !== null || plan.bytes === 0} onClick={() => void upload()}>
              Upload
            </button>
            <button type="button" disabled={progress !== null} onClick={() => setPicked(null)}>
              Cancel
            </button>
            {progress ? <progress aria-label="Upload progress" max={progress.total} value={progress.done} /> : null}
          </div>
        </div>
      ) : null}
      {message ? (
        <p role={message.error ? 'alert' : 'status'} className={message.error ? 'training-panel__error' : undefined}>
          {message.text}
        </p>
      ) : null}
    </div>
  );
}
