import { describe, expect, it } from 'vitest';
import { isFileShortcut, commandForKey, type KeyPress } from './shortcuts';

const press = (key: string, mods: Partial<KeyPress> = {}): KeyPress => ({ key, ctrlKey: false, metaKey: false, shiftKey: false, altKey: false, ...mods });

describe('commandForKey', () => {
  it('maps Ctrl and Cmd combinations alike', () => {
    expect(commandForKey(press('z', { ctrlKey: true }))).toBe('undo');
    expect(commandForKey(press('z', { metaKey: true }))).toBe('undo');
    expect(commandForKey(press('Z', { ctrlKey: true, shiftKey: true }))).toBe('redo');
    expect(commandForKey(press('y', { ctrlKey: true }))).toBe('redo');
    expect(commandForKey(press('c', { ctrlKey: true }))).toBe('copy');
    expect(commandForKey(press('x', { ctrlKey: true }))).toBe('cut');
    expect(commandForKey(press('v', { ctrlKey: true }))).toBe('paste');
    expect(commandForKey(press('a', { ctrlKey: true }))).toBe('selectAll');
    expect(commandForKey(press('s', { ctrlKey: true }))).toBe('save');
    expect(commandForKey(press('S', { ctrlKey: true, shiftKey: true }))).toBe('saveAs');
    expect(commandForKey(press('o', { metaKey: true }))).toBe('open');
  });

  it('maps plain keys for canvas commands and ignores the rest', () => {
    expect(commandForKey(press('Delete'))).toBe('delete');
    expect(commandForKey(press('Backspace'))).toBe('delete');
    expect(commandForKey(press('f'))).toBe('fitView');
    expect(commandForKey(press('l'))).toBe('autoLayout');
    expect(commandForKey(press('e'))).toBe('toggleExpand');
    expect(commandForKey(press('q'))).toBeNull();
    expect(commandForKey(press('z', { altKey: true }))).toBeNull();
  });

  it('lets only file commands through while typing', () => {
    expect(isFileShortcut('save')).toBe(true);
    expect(isFileShortcut('delete')).toBe(false);
    expect(isFileShortcut('undo')).toBe(false);
  });
});
