import { describe, expect, it } from 'vitest';
import type { UnsavedChoice } from './documentGuard';
import { createDocumentGuard } from './documentGuard';

function guardAnswering(choice: UnsavedChoice, saved = true) {
  const asked: string[] = [];
  let saves = 0;
  const guard = createDocumentGuard({
    ask: async (title) => (asked.push(title), choice),
    save: async () => (saves++, saved),
  });
  return { guard, asked, saves: () => saves };
}

describe('document guard', () => {
  it('lets a clean document go without asking', async () => {
    const { guard, asked } = guardAnswering('cancel');
    guard.update({ title: 'Net', dirty: false });
    expect(await guard.mayDiscard()).toBe(true);
    expect(asked).toEqual([]);
  });

  it('asks about a dirty document: cancel keeps it, discard lets it go', async () => {
    const cancel = guardAnswering('cancel');
    cancel.guard.update({ title: 'Net', dirty: true });
    expect(await cancel.guard.mayDiscard()).toBe(false);
    expect(cancel.asked).toEqual(['Net']);
    const discard = guardAnswering('discard');
    discard.guard.update({ title: 'Net', dirty: true });
    expect(await discard.guard.mayDiscard()).toBe(true);
    expect(discard.saves()).toBe(0);
  });

  it('save lets it go only when the save wrote the file', async () => {
    const saved = guardAnswering('save', true);
    saved.guard.update({ title: 'Net', dirty: true });
    expect(await saved.guard.mayDiscard()).toBe(true);
    const cancelled = guardAnswering('save', false);
    cancelled.guard.update({ title: 'Net', dirty: true });
    expect(await cancelled.guard.mayDiscard()).toBe(false);
  });

  it('asks once when two requests arrive together', async () => {
    const { guard, asked } = guardAnswering('discard');
    guard.update({ title: 'Net', dirty: true });
    expect(await Promise.all([guard.mayDiscard(), guard.mayDiscard()])).toEqual([true, true]);
    expect(asked).toHaveLength(1);
  });
});
