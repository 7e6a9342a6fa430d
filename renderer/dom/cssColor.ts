/** A colour given as `var(--name)`, as the current theme defines it at `element`; other colours as they are. */
export function cssColor(color: string, element: Element = document.documentElement): string {
  const variable = /^var\((--[\w-]+)\)$/.exec(color)?.[1];
  return variable ? getComputedStyle(element).getPropertyValue(variable).trim() || '#888' : color;
}
