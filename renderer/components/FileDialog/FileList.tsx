import { useEffect, useId, useRef, type KeyboardEvent } from 'react';
import type { DirectoryEntry } from '../../../app/protocol';

interface FileListProps {
  entries: readonly DirectoryEntry[];
  /** The highlighted entry's path, or null. */
  active: string | null;
  onActiveChange(entry: DirectoryEntry): void;
  /** Enter or double-click: a folder opens, a file is chosen. */
  onOpen(entry: DirectoryEntry): void;
  /** Backspace: up one folder. */
  onUp(): void;
  label: string;
}

const MOVES: Readonly<Record<string, (index: number, count: number) => number>> = {
  ArrowDown: (index, count) => Math.min(count - 1, index + 1),
  ArrowUp: (index) => Math.max(0, index - 1),
  Home: () => 0,
  End: (_index, count) => count - 1,
  PageDown: (index, count) => Math.min(count - 1, index + 10),
  PageUp: (index) => Math.max(0, index - 10),
};

/** A folder's entries as a listbox: one tab stop, arrows move, Enter opens, Backspace goes up. */
export function FileList({ entries, active, onActiveChange, onOpen, onUp, label }: FileListProps) {
  const id = useId();
  const list = useRef<HTMLUListElement>(null);
  const index = entries.findIndex((entry) => entry.path === active);
  const optionId = (at: number) => `${id}-option-${at}`;

  useEffect(() => {
    if (index >= 0) list.current?.querySelector(`[id="${CSS.escape(optionId(index))}"]`)?.scrollIntoView({ block: 'nearest' });
  });

  const onKeyDown = (event: KeyboardEvent) => {
    const move = MOVES[event.key];
    if (move && entries.length > 0) {
      event.preventDefault();
      // Nothing highlighted yet: the first arrow press lands on the first entry.
      onActiveChange(entries[index < 0 ? 0 : move(index, entries.length)]);
    } else if (event.key === 'Enter' && index >= 0) {
      event.preventDefault();
      onOpen(entries[index]);
    } else if (event.key === 'Backspace') {
      event.preventDefault();
      onUp();
    }
  };

  return (
    <ul
      ref={list}
      className="file-dialog__entries"
      role="listbox"
      aria-label={label}
      tabIndex={0}
      aria-activedescendant={index >= 0 ? optionId(index) : undefined}
      onKeyDown={onKeyDown}
    >
      {entries.map((entry, at) => (
        <li
          key={entry.path}
          id={optionId(at)}
          role="option"
          aria-selected={at === index}
          className={`file-dialog__entry file-dialog__entry--${entry.kind}`}
          onClick={() => onActiveChange(entry)}
          onDoubleClick={() => onOpen(entry)}
        >
          {entry.kind === 'directory' ? '📁 ' : ''}
          {entry.name}
        </li>
      ))}
    </ul>
  );
}
