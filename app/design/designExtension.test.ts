import { describe, expect, it } from 'vitest';
import { withDesignExtension } from './designExtension';

describe('withDesignExtension', () => {
  it('adds the design extension once', () => {
    expect(withDesignExtension('/d/net')).toBe('/d/net.incept.json');
    expect(withDesignExtension('/d/net.json')).toBe('/d/net.incept.json');
    expect(withDesignExtension('/d/Net.INCEPT.JSON')).toBe('/d/Net.INCEPT.JSON');
  });
});
