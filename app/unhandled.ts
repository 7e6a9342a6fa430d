/**
 * The `never` check that closes an exhaustive `switch` over a union: a member nobody handles is a
 * compile error at the call, and a value from outside the types (a newer peer) is an exception
 * naming it rather than silence.
 */
export function unhandled(value: never): never {
  throw new Error(`Unhandled case: ${JSON.stringify(value)}`);
}
