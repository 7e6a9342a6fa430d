/** Parameter declarations shared by layer kinds and block templates: the inspector reads them. */

import type { ParamValue } from './types';

interface ParamSpecBase {
  name: string;
  label: string;
  help: string;
}

export type ParamSpec =
  | (ParamSpecBase & { kind: 'int'; default: number; min: number; max: number })
  | (ParamSpecBase & { kind: 'number'; default: number; min: number; max: number })
  | (ParamSpecBase & { kind: 'bool'; default: boolean })
  | (ParamSpecBase & { kind: 'enum'; default: string; options: readonly string[] })
  /** `[h, w]`, each an integer from min to max. */
  | (ParamSpecBase & { kind: 'pair'; default: readonly [number, number]; min: number; max: number });

export type PaletteCategory = 'Stems' | 'Inception blocks' | 'Reduction blocks' | 'Residual blocks' | 'Layers' | 'Heads';

/** What the palette, inspector and analysis know about any node type, layer or block. */
export interface NodeTypeInfo {
  type: string;
  label: string;
  category: PaletteCategory;
  description: string;
  params: readonly ParamSpec[];
  /** Number of input ports: `max: null` means unbounded (concatenation). */
  inputs: { min: number; max: number | null };
}

export type ResolvedParams = Record<string, ParamValue>;
