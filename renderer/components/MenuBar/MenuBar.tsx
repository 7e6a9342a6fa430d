import { memo, useEffect, useRef, useState, type KeyboardEvent } from 'react';
import type { EditorCommand } from '../../../app/menu/menuModel';
import { useEditor } from '../../hooks/useEditor';
import { isDirty } from '../../store/editorStore';
import { moveIndex, typeaheadIndex } from './menuNavigation';
import { menus } from './menus';
import './MenuBar.css';
import { printable } from '../../../app/text/printable';

interface MenuBarProps {
  run(command: EditorCommand): void;
  /** False while a modal dialog owns the keyboard: F10 then does nothing. */
  keyboard: boolean;
}

/** Which item of the open menu gets focus when it opens. */
type Landing = 'first' | 'last' | 'none';

/**
 * File / Edit / View / Presets menus (WAI-ARIA menubar: one tab stop, arrows, Home/End,
 * typeahead, Escape, F10 to reach it) and the document title with its unsaved marker.
 */
function MenuBarView({ run, keyboard }: MenuBarProps) {
  const [open, setOpen] = useState<number | null>(null);
  const [current, setCurrent] = useState(0);
  const landing = useRef<Landing>('none');
  const returnTo = useRef<HTMLElement | null>(null);
  const bar = useRef<HTMLElement>(null);
  const tops = useRef<(HTMLButtonElement | null)[]>([]);
  const items = useRef<(HTMLButtonElement | null)[]>([]);
  const name = useEditor((s) => s.file?.name ?? s.document.name);
  const dirty = useEditor(isDirty);
  const undoLabel = useEditor((s) => s.history.past.at(-1)?.label);
  const redoLabel = useEditor((s) => s.history.future.at(-1)?.label);

  const labelOf = (command: EditorCommand, label: string) =>
    command === 'undo' && undoLabel ? `Undo ${undoLabel}` : command === 'redo' && redoLabel ? `Redo ${redoLabel}` : label;
  const disabled = (command: EditorCommand) => (command === 'undo' && !undoLabel) || (command === 'redo' && !redoLabel);

  const rememberFocus = () => {
    const active = document.activeElement;
    if (active instanceof HTMLElement && !bar.current?.contains(active)) returnTo.current = active;
  };
  /** Leaves the menu bar for where the user was before it. */
  const leave = () => {
    setOpen(null);
    const back = returnTo.current;
    returnTo.current = null;
    if (back?.isConnected && back !== document.body) back.focus();
    else if (document.activeElement instanceof HTMLElement && bar.current?.contains(document.activeElement)) document.activeElement.blur();
  };
  const focusTop = (index: number) => {
    setCurrent(index);
    tops.current[index]?.focus();
  };
  const openMenu = (index: number, land: Landing) => {
    landing.current = land;
    setCurrent(index);
    setOpen(index);
    if (land === 'none') tops.current[index]?.focus();
  };

  // Move focus into a menu once its items exist.
  useEffect(() => {
    if (open === null) return;
    const list = items.current.slice(0, menus[open].items.length);
    const target = landing.current === 'first' ? list[0] : landing.current === 'last' ? list.at(-1) : null;
    target?.focus();
    landing.current = 'none';
  }, [open]);

  useEffect(() => {
    if (open === null) return;
    const closeOutside = (event: PointerEvent) => {
      if (!bar.current?.contains(event.target as Node)) setOpen(null);
    };
    window.addEventListener('pointerdown', closeOutside);
    return () => window.removeEventListener('pointerdown', closeOutside);
  }, [open]);

  // F10 reaches the menu bar from anywhere, as in desktop applications.
  useEffect(() => {
    if (!keyboard) return;
    const onKeyDown = (event: globalThis.KeyboardEvent) => {
      if (event.key !== 'F10' || event.shiftKey || event.ctrlKey || event.metaKey || event.altKey) return;
      event.preventDefault();
      if (bar.current?.contains(document.activeElement)) return leave();
      rememberFocus();
      focusTop(current);
    };
    window.addEventListener('keydown', onKeyDown);
    return () => window.removeEventListener('keydown', onKeyDown);
  });

  const activate = (command: EditorCommand) => {
    if (disabled(command)) return;
    leave();
    run(command);
  };

  /** Keys inside the bar stay there: the designer's single-key shortcuts must not fire. */
  const keep = (event: KeyboardEvent) => {
    event.preventDefault();
    event.stopPropagation();
  };

  const onTopKey = (event: KeyboardEvent, index: number) => {
    if (event.ctrlKey || event.metaKey || event.altKey || event.key === 'Tab') return;
    const moved = moveIndex(event.key, index, menus.length, 'horizontal');
    if (moved !== null) {
      keep(event);
      if (open !== null) openMenu(moved, 'none');
      else focusTop(moved);
    } else if (event.key === 'ArrowDown' || event.key === 'Enter' || event.key === ' ') {
      keep(event);
      openMenu(index, 'first');
    } else if (event.key === 'ArrowUp') {
      keep(event);
      openMenu(index, 'last');
    } else if (event.key === 'Escape') {
      keep(event);
      leave();
    } else {
      const found = typeaheadIndex(menus.map((menu) => menu.label), index, event.key);
      if (event.key.length === 1 || event.key === 'Backspace' || event.key === 'Delete') keep(event);
      if (found !== null) focusTop(found);
    }
  };

  const onItemKey = (event: KeyboardEvent, menuIndex: number, itemIndex: number) => {
    if (event.ctrlKey || event.metaKey || event.altKey) return;
    if (event.key === 'Tab') return setOpen(null);
    const list = menus[menuIndex].items;
    const moved = moveIndex(event.key, itemIndex, list.length, 'vertical');
    if (moved !== null) {
      keep(event);
      items.current[moved]?.focus();
    } else if (event.key === 'ArrowRight' || event.key === 'ArrowLeft') {
      keep(event);
      openMenu(moveIndex(event.key, menuIndex, menus.length, 'horizontal') ?? menuIndex, 'first');
    } else if (event.key === 'Escape') {
      keep(event);
      setOpen(null);
      focusTop(menuIndex);
    } else if (event.key === 'Enter' || event.key === ' ') {
      keep(event);
      activate(list[itemIndex].command);
    } else {
      const found = typeaheadIndex(list.map((item) => labelOf(item.command, item.label)), itemIndex, event.key);
      if (event.key.length === 1 || event.key === 'Backspace' || event.key === 'Delete') keep(event);
      if (found !== null) items.current[found]?.focus();
    }
  };

  return (
    <header className="menu-bar" ref={bar}>
      <nav role="menubar" aria-label="Main menu" aria-keyshortcuts="F10" className="menu-bar__menus">
        {menus.map((menu, index) => (
          <div key={menu.label} className="menu-bar__menu">
            <button
              ref={(element) => {
                tops.current[index] = element;
              }}
              type="button"
              role="menuitem"
              aria-haspopup="menu"
              aria-expanded={open === index}
              tabIndex={index === current ? 0 : -1}
              className="menu-bar__button"
              onPointerDown={rememberFocus}
              onPointerEnter={() => open !== null && open !== index && openMenu(index, 'none')}
              onClick={() => (open === index ? setOpen(null) : openMenu(index, 'none'))}
              onKeyDown={(event) => onTopKey(event, index)}
            >
              {menu.label}
            </button>
            {open === index ? (
              <ul role="menu" aria-label={menu.label} className="menu-bar__dropdown">
                {menu.items.map((item, itemIndex) => (
                  <li key={item.command} role="none">
                    <button
                      ref={(element) => {
                        items.current[itemIndex] = element;
                      }}
                      type="button"
                      role="menuitem"
                      tabIndex={-1}
                      className="menu-bar__item"
                      aria-disabled={disabled(item.command)}
                      aria-keyshortcuts={item.shortcut ? item.shortcut.replace(/Ctrl/g, 'Control').replace(/Cmd/g, 'Meta') : undefined}
                      // A real move, not a menu opening under a resting pointer, takes focus from the keyboard.
                      onPointerMove={(event) => document.activeElement !== event.currentTarget && event.currentTarget.focus()}
                      onClick={() => activate(item.command)}
                      onKeyDown={(event) => onItemKey(event, index, itemIndex)}
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
