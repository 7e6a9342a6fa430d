/** Design ids (`a1`, `redA`, `branch1/conv2`) as Python identifiers that clash with nothing the generated code uses. */

const TAKEN = new Set([
  // keywords and the names model.py itself uses
  ...'False None True and as assert async await break class continue def del elif else except finally for from global if import in is lambda nonlocal not or pass raise return try while with yield'.split(' '),
  ...'self x torch nn F np os activate'.split(' '),
  // nn.Module's own attributes: a submodule named so would shadow them
  ...'training forward eval train state_dict parameters buffers modules children apply cuda cpu float half double type to zero_grad register_buffer'.split(' '),
]);

/** A readable identifier for `id`, unique among `used` (which it joins). */
export function pythonName(id: string, used: Set<string>): string {
  let base = id.replace(/[^A-Za-z0-9_]/g, '_');
  if (base === '' || /^[0-9]/.test(base)) base = `n_${base}`;
  if (TAKEN.has(base)) base = `${base}_`;
  let name = base;
  for (let n = 2; used.has(name); n++) name = `${base}_${n}`;
  used.add(name);
  return name;
}

/** A block type (`inceptionResnetAV2`) as a class name (`InceptionResnetAV2`). */
export function pythonClassName(type: string): string {
  const name = type.replace(/[^A-Za-z0-9]+(.)?/g, (_, next: string | undefined) => (next ?? '').toUpperCase());
  return /^[A-Za-z]/.test(name) ? name[0].toUpperCase() + name.slice(1) : `Block${name}`;
}

export const pyTuple = (values: readonly number[]): string => `(${values.join(', ')})`;
export const pyString = (value: string): string => JSON.stringify(value);
export const pyBool = (value: boolean): string => (value ? 'True' : 'False');
export const pyFloat = (value: number): string => (Number.isInteger(value) ? value.toFixed(1) : String(value));
