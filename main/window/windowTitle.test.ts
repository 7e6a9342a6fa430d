import { describe, expect, it } from 'vitest';
import { documentName, windowTitle } from './windowTitle';

describe('window title', () => {
  it('accepts a bare name or an already composed title', () => {
    expect(windowTitle({ title: 'Inception-v4', dirty: true })).toBe('● Inception-v4 — Inception Studio');
    expect(windowTitle({ title: '● Inception-v4 — Inception Studio', dirty: true })).toBe('● Inception-v4 — Inception Studio');
    expect(windowTitle({ title: 'Net — Inception Studio', dirty: false })).toBe('Net — Inception Studio');
  });

  it('names the document for the unsaved-changes prompt', () => {
    expect(documentName('● My net — Inception Studio')).toBe('My net');
    expect(documentName('')).toBe('Untitled');
  });
});
