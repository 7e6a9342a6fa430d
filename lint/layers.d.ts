/** Types of layers.js (plain JavaScript, so eslint.config.js can load it without a TypeScript loader). */

export interface Layer {
  name: string;
  paths: readonly string[];
  except?: readonly string[];
  imports: readonly string[];
  packages: readonly string[];
  tests?: { imports: readonly string[]; packages: readonly string[] };
}

export const NODE_BUILTINS: string;
export const LAYERS: readonly Layer[];
export function isTestFile(path: string): boolean;
export function layerOf(path: string): Layer | null;
