/**
 * Short, readable ids for nodes a user adds: `redB2`, not `reductionBV42`. A block type's family
 * is shortened (`inceptionResnet` → `res`, `inception` → `inc`, `reduction` → `red`) and its variant
 * suffix (`V4`, `ResnetV1`, `Tfslim`) dropped: the inspector shows the full type anyway.
 */

const FAMILIES: readonly (readonly [prefix: string, short: string])[] = [
  ['inceptionResnet', 'res'],
  ['inception', 'inc'],
  ['reduction', 'red'],
];

const VARIANT = /(?:Resnet)?(?:V\d+|Tfslim)$/;

/** The base a fresh id grows from (`freshId` adds 2, 3… when it is taken). */
export function shortNodeId(type: string): string {
  const stem = type.replace(VARIANT, '') || type;
  const family = FAMILIES.find(([prefix]) => stem.startsWith(prefix) && stem.length > prefix.length);
  return family ? family[1] + stem.slice(family[0].length) : stem;
}
