/** Palette contents: node types grouped by category in a fixed order, filtered by a search. */

import type { NodeTypeInfo, PaletteCategory } from '../../../app/design/paramSpec';

export const CATEGORY_ORDER: readonly PaletteCategory[] = ['Stems', 'Inception blocks', 'Reduction blocks', 'Residual blocks', 'Layers', 'Heads'];

export interface PaletteGroup {
  category: PaletteCategory;
  items: readonly NodeTypeInfo[];
}

export function paletteGroups(types: readonly NodeTypeInfo[], query: string): PaletteGroup[] {
  const words = query.toLowerCase().split(/\s+/).filter(Boolean);
  const matches = (info: NodeTypeInfo) => {
    const text = `${info.label} ${info.type} ${info.description} ${info.category}`.toLowerCase();
    return words.every((word) => text.includes(word));
  };
  return CATEGORY_ORDER.map((category) => ({
    category,
    items: types.filter((info) => info.category === category && info.type !== 'input' && matches(info)),
  })).filter((group) => group.items.length > 0);
}
