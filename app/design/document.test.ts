import { describe, expect, it } from 'vitest';
import { parseDesign, serializeDesign, validateDesign } from './document';
import { DESIGN_LIMITS } from './limits';
import type { DesignDocument, ParseResult } from './types';

const doc: DesignDocument = {
  format: 'inception-studio/design',
  version: 3,
  name: 'tiny',
  input: { height: 96, width: 80, channels: 3 },
  nodes: [
    { id: 'input', type: 'input', params: {}, position: { x: 0, y: 0 } },
    { id: 'c1', type: 'conv2d', label: 'first conv', params: { strides: [2, 2], filters: 32, padding: 'valid', bnGamma: true }, position: { x: 10.5, y: 100 } },
    { id: 'a1', type: 'inceptionA', params: { width: 0.5 }, overrides: { 'branch2/conv1': { kernel: [1, 5], filters: 40 } }, position: { x: 0, y: 200 } },
  ],
  edges: [
    { source: 'input', target: 'c1', port: 0 },
    { source: 'c1', target: 'a1', port: 0 },
  ],
  notes: ['a note'],
  classes: ['cat', 'dog'],
};

function issues(result: ParseResult): { path: string; expected: string; found: string }[] {
  if (result.ok) throw new Error('expected a failure');
  return [...result.error.issues];
}

describe('serializeDesign', () => {
  it('round-trips: parse(serialize(d)) deep-equals d', () => {
    expect(parseDesign(serializeDesign(doc))).toEqual({ ok: true, value: { document: doc } });
  });

  it('writes stable key order, 2-space indentation, short number arrays inline and a trailing newline', () => {
    const text = serializeDesign(doc);
    expect(text.endsWith('}\n')).toBe(true);
    expect(text.split('\n').slice(0, 4)).toEqual(['{', '  "format": "inception-studio/design",', '  "version": 3,', '  "name": "tiny",']);
    expect(text).toContain('"strides": [2, 2]');
    const c1 = text.slice(text.indexOf('"id": "c1"'));
    const keys = ['"id"', '"type"', '"label"', '"params"', '"bnGamma"', '"filters"', '"padding"', '"strides"', '"position"'].map((key) => c1.indexOf(key));
    expect(keys).toEqual([...keys].sort((a, b) => a - b));
    const a1 = text.slice(text.indexOf('"id": "a1"'));
    expect(a1.indexOf('"params"')).toBeLessThan(a1.indexOf('"overrides"'));
    expect(a1.indexOf('"overrides"')).toBeLessThan(a1.indexOf('"position"'));
    expect(a1.indexOf('"filters": 40')).toBeLessThan(a1.indexOf('"kernel": [1, 5]'));
    const shuffled: DesignDocument = {
      ...doc,
      nodes: doc.nodes.map((node) => ({
        position: node.position,
        ...(node.overrides ? { overrides: node.overrides } : {}),
        params: node.params,
        type: node.type,
        id: node.id,
        ...(node.label ? { label: node.label } : {}),
      })),
    };
    expect(serializeDesign(shuffled)).toBe(text);
  });

  it('is a fixed point of parse then serialize', () => {
    const text = serializeDesign(doc);
    const again = parseDesign(text);
    if (!again.ok) throw new Error(again.error.message);
    expect(serializeDesign(again.value.document)).toBe(text);
  });
});

describe('parseDesign', () => {
  it('accepts structurally valid designs whose references are broken (left to the analysis)', () => {
    const dangling = { ...doc, edges: [...doc.edges, { source: 'ghost', target: 'a1', port: 1 }] };
    expect(parseDesign(JSON.stringify(dangling))).toEqual({ ok: true, value: { document: dangling } });
  });

  it('treats missing notes as none and keeps classes optional', () => {
    const { notes: _notes, classes: _classes, ...rest } = doc;
    // Strict: a field the file leaves out is absent from the document, not present as undefined.
    expect(parseDesign(JSON.stringify(rest))).toStrictEqual({ ok: true, value: { document: { ...rest, notes: [] } } });
  });

  it('reports malformed JSON with line and column', () => {
    const result = parseDesign('{\n  "format": "inception-studio/design",\n  "version": 2,,\n}');
    expect(issues(result)).toEqual([{ path: '(json)', expected: 'valid JSON', found: `unexpected ",", expected a property name in double quotes at line 3, column 16` }]);
    expect(result.ok || result.error.message).toBe('The design file is not valid JSON: unexpected ",", expected a property name in double quotes at line 3, column 16.');
    expect(result.ok || result.error.message).toMatch(/line 3, column 16/);
    expect(parseDesign('').ok || (parseDesign('') as { error: { message: string } }).error.message).toMatch(/unexpected end of text at line 1, column 1/);
  });

  it('refuses a newer format version with a clear message', () => {
    const result = parseDesign(JSON.stringify({ ...doc, version: 4, somethingNew: true }));
    expect(result.ok).toBe(false);
    expect(result.ok || result.error.message).toMatch(/written by a newer Inception Studio: format version 4, this build reads up to 3/);
    expect(issues(result)).toEqual([{ path: 'version', expected: 'at most 3', found: '4' }]);
  });

  it('reports every problem with its path, what was expected and what was found', () => {
    const broken = {
      format: 'something/else',
      name: 7,
      input: { height: 0, width: 2.5, channels: 3, depth: 1 },
      nodes: [
        { id: 'ok', type: 'input', params: {}, position: { x: 0, y: 0 } },
        { id: 'bad id!', type: '', params: { filters: 'many is a string: allowed', kernel: [3, 'x'], nested: { a: 1 } }, position: { x: 0 } },
        { id: 'ok', type: 'conv2d', params: [], position: 'top', label: 3 },
        'not a node',
      ],
      edges: [{ source: 'ok', target: 'ok' }, { source: 1, target: 'ok', port: -1 }],
      notes: ['fine', 4],
      classes: 'cat',
      extra: true,
    };
    expect(issues(validateDesign(broken))).toEqual([
      { path: 'version', expected: 'an integer ≥ 1', found: 'missing' },
      { path: 'extra', expected: 'no such field (known: format, version, name, input, nodes, edges, notes, classes)', found: 'true' },
      { path: 'format', expected: '"inception-studio/design"', found: '"something/else"' },
      { path: 'name', expected: 'a string', found: '7' },
      { path: 'input.depth', expected: 'no such field (known: height, width, channels)', found: '1' },
      { path: 'input.height', expected: `an integer between 1 and ${DESIGN_LIMITS.inputSize}`, found: '0' },
      { path: 'input.width', expected: `an integer between 1 and ${DESIGN_LIMITS.inputSize}`, found: '2.5' },
      { path: 'nodes[1].id', expected: 'an id of letters, digits, _ or -', found: '"bad id!"' },
      { path: 'nodes[1].type', expected: 'a non-empty string', found: '""' },
      { path: 'nodes[1].params.kernel', expected: 'a number, string, boolean or array of numbers', found: 'an array of 2' },
      { path: 'nodes[1].params.nested', expected: 'a number, string, boolean or array of numbers', found: 'an object' },
      { path: 'nodes[1].position.y', expected: 'a finite number', found: 'missing' },
      { path: 'nodes[2].id', expected: 'a unique id', found: '"ok", already used by nodes[0]' },
      { path: 'nodes[2].params', expected: 'an object', found: 'an array of 0' },
      { path: 'nodes[2].position', expected: 'an object', found: '"top"' },
      { path: 'nodes[2].label', expected: 'a string', found: '3' },
      { path: 'nodes[3]', expected: 'an object', found: '"not a node"' },
      { path: 'edges[0].port', expected: 'an integer ≥ 0', found: 'missing' },
      { path: 'edges[1].source', expected: 'a non-empty string', found: '1' },
      { path: 'edges[1].port', expected: 'an integer ≥ 0', found: '-1' },
      { path: 'notes[1]', expected: 'a string', found: '4' },
      { path: 'classes', expected: 'an array', found: '"cat"' },
    ]);
  });

  it('bounds the input size and channels, naming the field and the limit', () => {
    const huge = validateDesign({ ...doc, input: { height: 1e12, width: 1e12, channels: 1e6 } });
    expect(issues(huge)).toEqual([
      { path: 'input.height', expected: `an integer between 1 and ${DESIGN_LIMITS.inputSize}`, found: '1000000000000' },
      { path: 'input.width', expected: `an integer between 1 and ${DESIGN_LIMITS.inputSize}`, found: '1000000000000' },
      { path: 'input.channels', expected: `an integer between 1 and ${DESIGN_LIMITS.inputChannels}`, found: '1000000' },
    ]);
  });

  it('summarises the problems in its message', () => {
    const result = validateDesign({ ...doc, nodes: [{ ...doc.nodes[0], params: { filters: null } }] });
    expect(result.ok || result.error.message).toBe(
      'The design document has 1 problem:\n  nodes[0].params.filters: expected a number, string, boolean or array of numbers, found null',
    );
  });

  it('refuses a node without params, or with params that are not an object, naming the node', () => {
    const { params: _dropped, ...withoutParams } = doc.nodes[1];
    const nodes = [doc.nodes[0], withoutParams, { ...doc.nodes[2], params: null }];
    expect(issues(validateDesign({ ...doc, nodes }))).toEqual([
      { path: 'nodes[1].params', expected: 'an object', found: 'missing' },
      { path: 'nodes[2].params', expected: 'an object', found: 'null' },
    ]);
  });

  it('checks a custom block\'s layer settings: paths, values, never empty', () => {
    const a1 = doc.nodes[2];
    const broken = (overrides: unknown) => validateDesign({ ...doc, nodes: [doc.nodes[0], doc.nodes[1], { ...a1, overrides }] });
    expect(issues(broken({}))).toEqual([{ path: 'nodes[2].overrides', expected: 'at least one layer (leave the field out for none)', found: 'an empty object' }]);
    expect(issues(broken({ '../conv': { filters: 8 }, 'branch1/conv1': { filters: null }, 'branch2/conv1': {} }))).toEqual([
      { path: 'nodes[2].overrides.../conv', expected: 'a layer path such as branch2/conv1', found: '"../conv"' },
      { path: 'nodes[2].overrides.branch1/conv1.filters', expected: 'a number, string, boolean or array of numbers', found: 'null' },
      { path: 'nodes[2].overrides.branch2/conv1', expected: 'at least one setting', found: 'an empty object' },
    ]);
    expect(issues(broken([1]))).toEqual([{ path: 'nodes[2].overrides', expected: 'an object', found: 'an array of 1' }]);
  });

  it('rejects a document that is not an object', () => {
    expect(issues(parseDesign('[1, 2]'))).toEqual([{ path: '', expected: 'an object', found: 'an array of 2' }]);
  });
});

describe('format version 2', () => {
  it('reads as version 3 unchanged (version 3 only adds custom blocks)', () => {
    const { overrides: _none, ...plain } = doc.nodes[2];
    const v3 = { ...doc, nodes: [doc.nodes[0], doc.nodes[1], plain] };
    expect(validateDesign({ ...v3, version: 2 })).toEqual({ ok: true, value: { document: v3, migratedFrom: 2 } });
  });
});

describe('format version 1', () => {
  const v1 = {
    format: 'inception-studio/design',
    version: 1,
    name: 'old',
    inputShape: [299, 299, 3],
    nodes: [
      { id: 'input', type: 'input', params: {} },
      { id: 'x', type: 'conv2d', params: { filters: 8 }, position: { x: 5, y: 6 } },
      { id: 'y', type: 'conv2d', params: { filters: 8 } },
      { id: 'cat', type: 'concat', params: {} },
    ],
    edges: [
      { from: 'input', to: 'x' },
      { from: 'input', to: 'y' },
      { from: 'y', to: 'cat' },
      { from: 'x', to: 'cat' },
    ],
  };

  it('migrates through version 2 to 3: input object, edge order as ports, laid-out positions', () => {
    const result = validateDesign(v1);
    expect(result).toEqual({
      ok: true,
      value: {
        migratedFrom: 1,
        document: {
          format: 'inception-studio/design',
          version: 3,
          name: 'old',
          input: { height: 299, width: 299, channels: 3 },
          nodes: [
            { id: 'input', type: 'input', params: {}, position: { x: 0, y: 0 } },
            { id: 'x', type: 'conv2d', params: { filters: 8 }, position: { x: 5, y: 6 } },
            { id: 'y', type: 'conv2d', params: { filters: 8 }, position: { x: 0, y: 240 } },
            { id: 'cat', type: 'concat', params: {}, position: { x: 0, y: 360 } },
          ],
          edges: [
            { source: 'input', target: 'x', port: 0 },
            { source: 'input', target: 'y', port: 0 },
            { source: 'y', target: 'cat', port: 0 },
            { source: 'x', target: 'cat', port: 1 },
          ],
          notes: [],
        },
      },
    });
  });

  it('keeps a non-square input’s height, width and channels in place', () => {
    const result = validateDesign({ ...v1, inputShape: [120, 160, 1] });
    expect(result.ok && result.value.document.input).toEqual({ height: 120, width: 160, channels: 1 });
  });

  it('refuses an input shape that is not three integers ≥ 1', () => {
    for (const inputShape of [[120, 0, 3], [120.5, 160, 3], ['120', 160, 3], [120, 160, 3, 1], undefined, { height: 120, width: 160, channels: 3 }]) {
      expect(issues(validateDesign({ ...v1, inputShape }))[0], JSON.stringify(inputShape)).toMatchObject({ path: 'inputShape', expected: '[height, width, channels] of integers ≥ 1' });
    }
  });

  it('reports version-1 problems by their version-1 paths', () => {
    const broken = { ...v1, inputShape: [299, 299], edges: [{ from: 'input' }, { from: 'x', to: 'y', port: 0 }] };
    expect(issues(validateDesign(broken))).toEqual([
      { path: 'inputShape', expected: '[height, width, channels] of integers ≥ 1', found: 'an array of 2' },
      { path: 'edges[0].to', expected: 'a non-empty string', found: 'missing' },
      { path: 'edges[1].port', expected: 'no such field (known: from, to)', found: '0' },
    ]);
  });
});

describe('patterns and descriptions at their edges', () => {
  const withNode = (node: Record<string, unknown>) => validateDesign({ ...doc, nodes: [doc.nodes[0], { ...doc.nodes[1], ...node }] });

  it('takes a node id of letters, digits, _ and - only, from its first character to its last', () => {
    for (const id of ['a', 'A_b-9', '_', '-x']) expect(withNode({ id }).ok, id).toBe(true);
    for (const id of ['!a', 'a!', 'a b', '', 'é', 'a/b', 'a.b']) {
      expect(issues(withNode({ id })), id).toEqual([{ path: 'nodes[1].id', expected: 'an id of letters, digits, _ or -', found: JSON.stringify(id) }]);
    }
    expect(issues(withNode({ id: 7 }))).toEqual([{ path: 'nodes[1].id', expected: 'an id of letters, digits, _ or -', found: '7' }]);
  });

  it('takes a layer path of id parts joined by single slashes, and nothing around them', () => {
    const withLayer = (layer: string) => validateDesign({ ...doc, nodes: [doc.nodes[0], doc.nodes[1], { ...doc.nodes[2], overrides: { [layer]: { filters: 8 } } }] });
    for (const layer of ['conv', 'branch2/conv1', 'a/b/c_d-e']) expect(withLayer(layer).ok, layer).toBe(true);
    for (const layer of ['/conv', 'conv/', 'a//b', 'a b', 'x/../y', '.']) {
      expect(issues(withLayer(layer)), layer).toEqual([{ path: `nodes[2].overrides.${layer}`, expected: 'a layer path such as branch2/conv1', found: JSON.stringify(layer) }]);
    }
  });

  it('quotes a found string up to 40 characters whole, and cuts a longer one there', () => {
    const name = (value: unknown) => issues(validateDesign({ ...doc, classes: [value] }))[0].found;
    expect(issues(validateDesign({ ...doc, format: 'x'.repeat(40) }))[0].found).toBe(`"${'x'.repeat(40)}"`);
    expect(issues(validateDesign({ ...doc, format: 'x'.repeat(41) }))[0].found).toBe(`"${'x'.repeat(40)}…"`);
    expect([name(null), name(true), name(1.5), name([1, 2, 3]), name({ a: 1 })]).toEqual(['null', 'true', '1.5', 'an array of 3', 'an object']);
  });

  it('counts the problems in its heading, one or many, and names the document itself when the path is empty', () => {
    const two = validateDesign({ ...doc, name: 1, notes: 'n' });
    expect(two.ok || two.error.message).toBe('The design document has 2 problems:\n  name: expected a string, found 1\n  notes: expected an array, found "n"');
    const notObject = validateDesign(null);
    expect(notObject.ok || notObject.error.message).toBe('The design document has 1 problem:\n  (document): expected an object, found null');
  });

  it('refuses unknown fields of a position and an edge, and a position that is not an object', () => {
    expect(issues(withNode({ position: { x: 1, y: 2, z: 3 } }))).toEqual([{ path: 'nodes[1].position.z', expected: 'no such field (known: x, y)', found: '3' }]);
    expect(issues(withNode({ position: null }))).toEqual([{ path: 'nodes[1].position', expected: 'an object', found: 'null' }]);
    expect(issues(withNode({ position: { x: Number.POSITIVE_INFINITY, y: 0 } }))).toEqual([{ path: 'nodes[1].position.x', expected: 'a finite number', found: 'Infinity' }]);
    expect(issues(withNode({ colour: 'red' }))).toEqual([{ path: 'nodes[1].colour', expected: 'no such field (known: id, type, params, position, label, overrides)', found: '"red"' }]);
    const edge = { source: 'input', target: 'c1', port: 0 };
    expect(issues(validateDesign({ ...doc, edges: [{ ...edge, weight: 1 }] }))).toEqual([{ path: 'edges[0].weight', expected: 'no such field (known: source, target, port)', found: '1' }]);
    expect(issues(validateDesign({ ...doc, edges: [{ ...edge, target: '' }, { ...edge, port: 1.5 }, 'e'] }))).toEqual([
      { path: 'edges[0].target', expected: 'a non-empty string', found: '""' },
      { path: 'edges[1].port', expected: 'an integer ≥ 0', found: '1.5' },
      { path: 'edges[2]', expected: 'an object', found: '"e"' },
    ]);
  });

  it('refuses nodes, edges, notes and classes that are not arrays, and a non-finite parameter', () => {
    expect(issues(validateDesign({ ...doc, nodes: {}, edges: 'none' }))).toEqual([
      { path: 'nodes', expected: 'an array', found: 'an object' },
      { path: 'edges', expected: 'an array', found: '"none"' },
    ]);
    expect(issues(withNode({ params: { filters: Number.NaN, kernel: [3, Number.POSITIVE_INFINITY], on: false, name: 's' } }))).toEqual([
      { path: 'nodes[1].params.filters', expected: 'a number, string, boolean or array of numbers', found: 'NaN' },
      { path: 'nodes[1].params.kernel', expected: 'a number, string, boolean or array of numbers', found: 'an array of 2' },
    ]);
    expect(issues(validateDesign({ ...doc, classes: ['cat', 2] }))).toEqual([{ path: 'classes[1]', expected: 'a string', found: '2' }]);
  });

  it('copies what it accepts: changing the parsed input does not change the document', () => {
    const kernel = [1, 5];
    const notes = ['n'];
    const source = { ...doc, notes, nodes: [{ ...doc.nodes[0], params: { kernel } }] };
    const result = validateDesign(source);
    kernel[0] = 9;
    notes.push('later');
    expect(result.ok && result.value.document.nodes[0].params.kernel).toEqual([1, 5]);
    expect(result.ok && result.value.document.notes).toEqual(['n']);
  });
});

describe('format version 1, malformed', () => {
  const v1 = { format: 'inception-studio/design', version: 1, name: 'old', inputShape: [120, 160, 3], nodes: [{ id: 'input', type: 'input', params: {} }], edges: [] };

  it('reports edges and nodes that are not arrays under their own names', () => {
    expect(issues(validateDesign({ ...v1, edges: {}, nodes: 'n' }))).toEqual([
      { path: 'edges', expected: 'an array', found: 'an object' },
      { path: 'nodes', expected: 'an array', found: '"n"' },
    ]);
  });

  it('reports an edge that is not an object, and an empty end, once, by its version-1 path', () => {
    expect(issues(validateDesign({ ...v1, edges: [7, { from: '', to: 'input' }] }))).toEqual([
      { path: 'edges[0]', expected: 'an object', found: '7' },
      { path: 'edges[1].from', expected: 'a non-empty string', found: '""' },
    ]);
  });

  it('numbers each target’s ports by its own edges, and refuses a zero or unsafe side', () => {
    const three = validateDesign({ ...v1, nodes: [...v1.nodes, { id: 'a', type: 'concat', params: {} }, { id: 'b', type: 'concat', params: {} }], edges: [{ from: 'input', to: 'a' }, { from: 'input', to: 'b' }, { from: 'b', to: 'a' }] });
    expect(three.ok && three.value.document.edges.map((edge) => `${edge.source}->${edge.target}:${edge.port}`)).toEqual(['input->a:0', 'input->b:0', 'b->a:1']);
    for (const inputShape of [[0, 160, 3], [120, 2 ** 53, 3], [120, 160, -1]]) {
      expect(issues(validateDesign({ ...v1, inputShape })), JSON.stringify(inputShape)).toEqual([{ path: 'inputShape', expected: '[height, width, channels] of integers ≥ 1', found: 'an array of 3' }]);
    }
  });
});

describe('versions and repeated problems', () => {
  it('reads every version from 1 to 3, and refuses 0, a fraction and a string, still checking the rest', () => {
    for (const version of [0, 1.5, '3']) {
      expect(issues(validateDesign({ ...doc, version, name: 1 })), String(version)).toEqual([
        { path: 'version', expected: 'an integer ≥ 1', found: typeof version === 'string' ? '"3"' : String(version) },
        { path: 'name', expected: 'a string', found: '1' },
      ]);
    }
  });

  it('names the first node that used an id, however often it repeats', () => {
    const nodes = [0, 1, 2].map((index) => ({ ...doc.nodes[0], position: { x: index, y: 0 } }));
    expect(issues(validateDesign({ ...doc, nodes, edges: [] }))).toEqual([
      { path: 'nodes[1].id', expected: 'a unique id', found: '"input", already used by nodes[0]' },
      { path: 'nodes[2].id', expected: 'a unique id', found: '"input", already used by nodes[0]' },
    ]);
  });

  it('a version-1 problem hides the schema’s later complaints about that edge only, not about edges[10]', () => {
    const edges = Array.from({ length: 11 }, () => ({ from: 'input', to: 'input' }));
    edges[1] = { from: 'input' } as never;
    edges[10] = { from: 'input', to: 'input', port: 3 } as never;
    const v1 = { format: 'inception-studio/design', version: 1, name: 'old', inputShape: [9, 9, 1], nodes: [{ id: 'input', type: 'input', params: {} }, 'n'], edges };
    expect(issues(validateDesign(v1))).toEqual([
      { path: 'edges[1].to', expected: 'a non-empty string', found: 'missing' },
      { path: 'edges[10].port', expected: 'no such field (known: from, to)', found: '3' },
      { path: 'nodes[1]', expected: 'an object', found: '"n"' },
    ]);
  });
});

describe('JSON text in and out', () => {
  it('writes every short number array inline: negatives, fractions and exponents, and an empty one as []', () => {
    const node = { id: 'n', type: 'conv2d', params: { a: [-1, 2.5], b: [1e-7, 3e21], c: [] as number[], d: [0] }, position: { x: -0.5, y: 1e-7 } };
    const text = serializeDesign({ ...doc, nodes: [node], edges: [], notes: [] });
    expect(text).toContain('"a": [-1, 2.5],\n');
    expect(text).toContain('"b": [1e-7, 3e+21],\n');
    expect(text).toContain('"c": [],\n');
    expect(text).toContain('"d": [0]\n');
    expect(text).toContain('"notes": [],\n');
    expect(text).toContain('"x": -0.5,\n');
    expect(text).toContain('"classes": [\n    "cat",\n    "dog"\n  ]\n}\n');
    expect(parseDesign(text)).toEqual({ ok: true, value: { document: { ...doc, nodes: [node], edges: [], notes: [] } } });
  });

  it('writes a custom block’s layers in path order, whatever order they were set in', () => {
    const overrides = { 'branch3/conv2': { filters: 8 }, 'branch1/conv1': { filters: 4 }, 'branch2/conv1': { kernel: [1, 7] } };
    const a1 = { ...doc.nodes[2], overrides };
    const text = serializeDesign({ ...doc, nodes: [doc.nodes[0], doc.nodes[1], a1] });
    const at = ['branch1/conv1', 'branch2/conv1', 'branch3/conv2'].map((layer) => text.indexOf(`"${layer}"`));
    expect(at.every((offset) => offset > 0)).toBe(true);
    expect(at).toEqual([...at].sort((x, y) => x - y));
  });

  it('places a syntax error by line and column across lines, and at the end of a truncated text', () => {
    const text = '{\n  "format": "inception-studio/design",\n  "name": x\n}';
    expect(issues(parseDesign(text))[0].found).toBe('unexpected "x" at line 3, column 11');
    expect(issues(parseDesign('{\n  "a": [1,\n'))[0].found).toBe('unexpected end of text at line 3, column 1');
  });
});
