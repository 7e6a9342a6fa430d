import { describe, expect, it } from 'vitest';
import { exportBaseName, fileSafe } from './exportName';

describe('export names', () => {
  it('follow the design file’s name, else the design’s own name', () => {
    expect(exportBaseName({ path: '/d/small net.incept.json', name: 'small net.incept.json' }, 'Inception-v4')).toBe('small-net');
    expect(exportBaseName(null, 'Inception-ResNet-v2 (TF-slim)')).toBe('Inception-ResNet-v2-TF-slim');
    expect(exportBaseName(null, '///')).toBe('design');
  });

  it('keep names free of separators and leading dots', () => {
    expect(fileSafe('../../etc/passwd')).toBe('etc-passwd');
    expect(fileSafe('Loss chart')).toBe('Loss-chart');
  });
});
