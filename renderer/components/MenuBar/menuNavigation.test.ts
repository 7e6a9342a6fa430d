import { describe, expect, it } from 'vitest';
import { moveIndex, typeaheadIndex } from './menuNavigation';

describe('menu navigation', () => {
  it('moves along its own axis, wrapping at both ends', () => {
    expect(moveIndex('ArrowRight', 3, 4, 'horizontal')).toBe(0);
    expect(moveIndex('ArrowLeft', 0, 4, 'horizontal')).toBe(3);
    expect(moveIndex('ArrowDown', 1, 4, 'vertical')).toBe(2);
    expect(moveIndex('ArrowUp', 0, 4, 'vertical')).toBe(3);
    expect(moveIndex('ArrowDown', 1, 4, 'horizontal')).toBeNull();
    expect(moveIndex('End', 1, 4, 'vertical')).toBe(3);
    expect(moveIndex('Home', 2, 4, 'horizontal')).toBe(0);
    expect(moveIndex('Home', 0, 0, 'horizontal')).toBeNull();
  });

  it('jumps to the next label starting with the typed letter', () => {
    const labels = ['Save', 'Save As…', 'Start screen', 'Open…'];
    expect(typeaheadIndex(labels, 0, 's')).toBe(1);
    expect(typeaheadIndex(labels, 2, 'S')).toBe(0);
    expect(typeaheadIndex(labels, 0, 'o')).toBe(3);
    expect(typeaheadIndex(labels, 0, 'x')).toBeNull();
    expect(typeaheadIndex(labels, 0, 'Enter')).toBeNull();
  });
});
