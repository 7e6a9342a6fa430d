import { memo, useEffect, useRef, useState } from 'react';
import type { EditorCommand } from '../../../app/menu/menuModel';
import { useEditor } from '../../hooks/useEditor';
import { isDirty } from '../../store/editorStore';
import { menus } from './menus';
import './MenuBar.css';
import { printable } from '../../../app/text/printable';

interface MenuBarProps {
  run(command: EditorCommand): void;
}

/** File / Edit / View / Presets menus and the document title with its unsaved marker. */
function MenuBarView({ run }: MenuBarProps) {
  const [open, setOpen] = useState<string | null>(null);
  const bar = useRef<HTMLElement>(null);
  const name = useEditor((s) => s.file?.name ?? s.document.name);
  const dirty = useEditor(isDirty);
  const undoLabel = useEditor((s) => s.history.past.at(-1)?.label);
  const redoLabel = useEditor((s) => s.history.future.at(-1)?.label);

  useEffect(() => {
    if (open === null) return;
    const close = (event: Event) => {
      if (event instanceof KeyboardEvent ? event.key === 'Escape' : !bar.current?.contains(event.target as Node)) setOpen(null);
    };
    window.addEventListener('pointerdown', close);
    window.addEventListener('keydown', close);
    return () => {
      window.removeEventListener('pointerdown', close);
      window.removeEventListener('keydown', close);
    };
  }, [open]);

  const labelOf = (command: EditorCommand, label: string) =>
    command === 'undo' && undoLabel ? `Undo ${undoLabel}` : command === 'redo' && redoLabel ? `Redo ${redoLabel}` : label;
  const disabled = (command: EditorCommand) => (command === 'undo' && !undoLabel) || (command === 'redo' && !redoLabel);

  return (
    <header className="menu-bar" ref={bar}>
      <nav role="menubar" aria-label="Main menu" className="menu-bar__menus">
        {menus.map((menu) => (
          <div key={menu.label} className="menu-bar__menu">
            <button
              type="button"
              role="menuitem"
              aria-haspopup="menu"
              aria-expanded={open === menu.label}
              className="menu-bar__button"
              onClick={() => setOpen(open === menu.label ? null : menu.label)}
            >
              {menu.label}
            </button>
            {open === menu.label ? (
              <ul role="menu" aria-label={menu.label} className="menu-bar__dropdown">
                {menu.items.map((item) => (
                  <li key={item.command} role="none">
                    <button
                      type="button"
                      role="menuitem"
                      className="menu-bar__item"
                      disabled={disabled(item.command)}
                      onClick={() => {
                        setOpen(null);
                        run(item.command);
                      }}
                    >
                      <span>{labelOf(item.command, item.label)}</span>
                      <span className="menu-bar__shortcut">{item.shortcut}</span>
                    </button>
                  </li>
                ))}
              </ul>
            ) : null}
          </div>
        ))}
      </nav>
      <div className="menu-bar__title" aria-label="Document title">
        {printable(name)}
        {dirty ? (
          <span className="menu-bar__dirty" title="Unsaved changes" aria-label="Unsaved changes">
            {' '}
            ●
          </span>
        ) : null}
      </div>
    </header>
  );
}

export const MenuBar = memo(MenuBarView);
