import { describe, expect, it } from 'vitest';
import { allNodeTypes } from '../../../app/design/nodeTypes';
import { CATEGORY_ORDER, paletteGroups } from './paletteGroups';

const infos = allNodeTypes().map((t) => t.info);

describe('paletteGroups', () => {
  it('groups every addable type in the fixed category order, leaving out the input', () => {
    const groups = paletteGroups(infos, '');
    expect(groups.map((g) => g.category)).toEqual(CATEGORY_ORDER);
    const listed = groups.flatMap((g) => g.items.map((i) => i.type));
    expect(listed).not.toContain('input');
    expect(listed.length).toBe(infos.length - 1);
  });

  it('filters by every word of the query across label, type and description', () => {
    const groups = paletteGroups(infos, 'reduction v4');
    expect(groups.map((g) => g.category)).toEqual(['Reduction blocks']);
    expect(groups[0].items.map((i) => i.type)).toContain('reductionBV4');
    expect(groups[0].items.map((i) => i.type)).not.toContain('reductionBResnetV1');
    expect(paletteGroups(infos, 'no such block')).toEqual([]);
  });
});
