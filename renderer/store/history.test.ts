import { describe, expect, it } from 'vitest';
import { emptyDesign } from '../documents/emptyDesign';
import { emptyHistory, record, redo, undo, type HistoryEntry } from './history';

const entry = (name: string, coalesce?: string): HistoryEntry => ({ document: emptyDesign(name), selection: [], label: name, ...(coalesce ? { coalesce } : {}) });

describe('history', () => {
  it('undoes to the recorded entry and redoes back', () => {
    const h1 = record(emptyHistory, entry('a'));
    const back = undo(h1, entry('b'));
    expect(back?.restore.document.name).toBe('a');
    const forward = redo(back!.history, entry('a'));
    expect(forward?.restore.document.name).toBe('b');
    expect(undo(emptyHistory, entry('x'))).toBeNull();
    expect(redo(emptyHistory, entry('x'))).toBeNull();
  });

  it('merges a run of edits with one coalesce key and clears redo on a new edit', () => {
    let h = record(emptyHistory, entry('before', 'params:a:filters'));
    h = record(h, entry('typing', 'params:a:filters'));
    expect(h.past).toHaveLength(1);
    h = record(h, entry('other', 'params:a:kernel'));
    expect(h.past).toHaveLength(2);
    const back = undo(h, entry('now'))!;
    expect(back.history.future).toHaveLength(1);
    expect(record(back.history, entry('new')).future).toHaveLength(0);
  });
});
