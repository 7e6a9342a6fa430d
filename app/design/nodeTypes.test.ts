import { describe, expect, it } from 'vitest';
import { blockTemplates } from '../blocks/library';
import { layerDefinitions } from '../layers/registry';
import { allNodeTypes, getNodeType } from './nodeTypes';

describe('nodeTypes', () => {
  it('holds every layer kind and every block template under its type', () => {
    expect(allNodeTypes()).toHaveLength(Object.keys(layerDefinitions).length + blockTemplates.length);
    expect(getNodeType('conv2d')).toMatchObject({ kind: 'layer', layer: 'conv2d', info: layerDefinitions.conv2d.info });
    const template = blockTemplates[0];
    expect(getNodeType(template.type)).toEqual({ kind: 'block', template, info: template });
  });

  it('knows nothing of other names', () => {
    expect(getNodeType('inceptionZ')).toBeUndefined();
    expect(getNodeType('toString')).toBeUndefined();
  });

  it('gives every type a unique name', () => {
    const names = allNodeTypes().map((nodeType) => nodeType.info.type);
    expect(new Set(names).size).toBe(names.length);
  });
});
