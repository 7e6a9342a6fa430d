/** Roving focus in the menu bar and its menus (WAI-ARIA menubar pattern), as pure index arithmetic. */

/** Where Arrow, Home and End keys move in a row of `count` items (wrapping); null for other keys. */
export function moveIndex(key: string, index: number, count: number, axis: 'horizontal' | 'vertical'): number | null {
  if (count === 0) return null;
  const [previous, next] = axis === 'horizontal' ? ['ArrowLeft', 'ArrowRight'] : ['ArrowUp', 'ArrowDown'];
  if (key === next) return (index + 1) % count;
  if (key === previous) return (index - 1 + count) % count;
  if (key === 'Home') return 0;
  if (key === 'End') return count - 1;
  return null;
}

/** The next item after `index` whose label starts with the typed character (wrapping); null when none. */
export function typeaheadIndex(labels: readonly string[], index: number, key: string): number | null {
  if (key.length !== 1 || key === ' ') return null;
  const wanted = key.toLocaleLowerCase();
  for (let step = 1; step <= labels.length; step += 1) {
    const at = (index + step) % labels.length;
    if (labels[at].trim().toLocaleLowerCase().startsWith(wanted)) return at;
  }
  return null;
}
