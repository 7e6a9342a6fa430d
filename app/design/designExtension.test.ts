import { describe, expect, it } from 'vitest';
import { withDesignExtension } from './designExtension';

describe('withDesignExtension', () => {
  it('adds the design extension once', () => {
    expect(withDesignExtension('/d/net')).toBe('/d/net.incept.json');
    expect(withDesignExtension('/d/net.json')).toBe('/d/net.incept.json');
    expect(withDesignExtension('/d/Net.INCEPT.JSON')).toBe('/d/Net.INCEPT.JSON');
  });

  it('replaces only a final .json, not one inside the name or a folder', () => {
    expect(withDesignExtension('/d/NET.JSON')).toBe('/d/NET.incept.json');
    expect(withDesignExtension('/d/net.json.old')).toBe('/d/net.json.old.incept.json');
    expect(withDesignExtension('/d/x.json/net')).toBe('/d/x.json/net.incept.json');
  });
});
