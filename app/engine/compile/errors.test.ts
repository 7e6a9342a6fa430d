import { describe, expect, it } from 'vitest';
import { diagnostic } from '../../analysis/diagnostic';
import type { Diagnostic } from '../../analysis/types';
import { DesignErrorsError, GraphCompileError } from './errors';

/** An error on `node` (none: the design as a whole), optionally on a layer inside it. */
function error(node: string | null, message: string, layer?: string): Diagnostic {
  return diagnostic('error', 'invalid-param', message, 'Fix it.', node === null ? [] : [node], layer === undefined ? {} : { layer });
}

const numbered = (count: number): Diagnostic[] => Array.from({ length: count }, (_, i) => error(`n${i + 1}`, `problem ${i + 1}`));

describe('DesignErrorsError', () => {
  it('names the design, the count and each error with its node and the layer inside it', () => {
    const refused = new DesignErrorsError('tiny', [error('b3', 'filters must be at least 1', 'b3/branch1/conv')]);
    expect(refused).toBeInstanceOf(Error);
    expect(refused.name).toBe('DesignErrorsError');
    expect(refused.message).toBe("Design 'tiny' has 1 error and cannot be built:\n  b3 [b3/branch1/conv]: filters must be at least 1");
  });

  it('lists and carries only the errors: warnings and notes do not stop a build', () => {
    const warning = diagnostic('warning', 'unconnected-node', 'Node d is not connected to anything.', 'Connect it.', ['d']);
    const note = diagnostic('info', 'dominant-block', 'Block b holds most of the cost.', 'Consider it.', ['b']);
    const noOutput = error(null, 'The design has no output.');
    const refused = new DesignErrorsError('tiny', [warning, noOutput, note]);
    expect(refused.message).toBe("Design 'tiny' has 1 error and cannot be built:\n  (design): The design has no output.");
    expect(refused.diagnostics).toEqual([noOutput]);
  });

  it('lists ten errors in full', () => {
    const refused = new DesignErrorsError('wide', numbered(10));
    const lines = refused.message.split('\n');
    expect(lines[0]).toBe("Design 'wide' has 10 errors and cannot be built:");
    expect(lines.slice(1)).toEqual(Array.from({ length: 10 }, (_, i) => `  n${i + 1}: problem ${i + 1}`));
  });

  it('lists the first ten of more errors and counts the rest, carrying them all', () => {
    const all = numbered(12);
    const refused = new DesignErrorsError('wide', all);
    const lines = refused.message.split('\n');
    expect(lines[0]).toBe("Design 'wide' has 12 errors and cannot be built:");
    expect(lines.slice(1, 11)).toEqual(Array.from({ length: 10 }, (_, i) => `  n${i + 1}: problem ${i + 1}`));
    expect(lines.slice(11)).toEqual(['  … and 2 more']);
    expect(refused.diagnostics).toEqual(all);
  });
});

describe('GraphCompileError', () => {
  it('names the layer it is about, when there is one', () => {
    const onLayer = new GraphCompileError('expects 1 input, got 2', 'b1/concat');
    expect(onLayer).toBeInstanceOf(Error);
    expect([onLayer.name, onLayer.message, onLayer.layerId]).toEqual(['GraphCompileError', "Layer 'b1/concat': expects 1 input, got 2", 'b1/concat']);
    const whole = new GraphCompileError('The network has no output layer.');
    expect([whole.name, whole.message, whole.layerId]).toEqual(['GraphCompileError', 'The network has no output layer.', undefined]);
  });
});
