/**
 * The one way an operation that can fail says so, everywhere (core, engine, command line, hosts,
 * UI): a value, or an error — a message by default, or a richer description where the caller
 * needs one (a design's schema issues, a shape rule's hint).
 */

export type Result<T, E = string> = { ok: true; value: T } | { ok: false; error: E };

/** What went wrong, in words, from whatever was thrown. */
export function errorMessage(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
