import { memo } from 'react';
import { presets } from '../../../app/presets/index';
import { APP_NAME } from '../../../app/versions';
import { formatCount } from '../../format/quantities';
import type { EditorCommand } from '../../../app/menu/menuModel';
import { useEditor } from '../../hooks/useEditor';
import { useFocusTrap } from '../../hooks/useFocusTrap';
import { usePresetSizes, type PresetSize } from '../../hooks/usePresetSizes';
import './StartScreen.css';

interface StartScreenProps {
  run(command: EditorCommand): void;
}

function sizeText(size: PresetSize | undefined): string {
  if (!size) return 'measuring…';
  const errors = size.errors > 0 ? ` · ${size.errors} ${size.errors === 1 ? 'error' : 'errors'}` : '';
  return `${formatCount(size.params)} params · ${formatCount(size.macs)} MACs · ${size.layers} layers${errors}`;
}

/** The first thing a user sees: start empty, open a file, or open one of the paper's networks. */
function StartScreenView({ run }: StartScreenProps) {
  const open = useEditor((s) => s.ui.startScreen);
  return open ? <StartPanel run={run} /> : null;
}

/** Mounted while the start screen shows, so its focus trap lives exactly as long. */
function StartPanel({ run }: StartScreenProps) {
  const sizes = usePresetSizes();
  const setUi = useEditor((s) => s.setUi);
  const dialog = useFocusTrap<HTMLDivElement>({ onEscape: () => setUi({ startScreen: false }) });
  return (
    <div className="start-screen" role="dialog" aria-modal="true" aria-label="Start" ref={dialog}>
      <div className="start-screen__panel">
        <h1 className="start-screen__title">{APP_NAME}</h1>
        <p className="start-screen__lead">Design Inception-family networks and see shapes, parameters and problems as you build.</p>
        <div className="start-screen__actions">
          <button type="button" className="dialog-button" onClick={() => run('new')}>
            New empty design
          </button>
          <button type="button" className="dialog-button" onClick={() => run('open')}>
            Open…
          </button>
          <button type="button" className="dialog-button start-screen__close" onClick={() => setUi({ startScreen: false })}>
            Close
          </button>
        </div>
        <h2 className="start-screen__heading">Presets</h2>
        <ul className="start-screen__presets" role="list">
          {presets.map((preset) => (
            <li key={preset.name}>
              <button
                type="button"
                className="dialog-button start-screen__preset"
                aria-label={`Open preset ${preset.title}`}
                onClick={() => run(`preset:${preset.name}`)}
              >
                <span className="start-screen__preset-title">{preset.title}</span>
                <span className="start-screen__preset-size">{sizeText(sizes.get(preset.name))}</span>
                <span className="start-screen__preset-note">{preset.note}</span>
              </button>
            </li>
          ))}
        </ul>
      </div>
    </div>
  );
}

export const StartScreen = memo(StartScreenView);
