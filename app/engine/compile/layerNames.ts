/**
 * tfjs layer names are the expanded layer ids. tfjs accepts `/` in names but requires a
 * letter or digit first (weights are named `<layer>/kernel` and checked against
 * /^[A-Za-z0-9][-A-Za-z0-9._/]*$/); ids never contain `.`, so an id that starts otherwise is
 * written `L.<id>`, which maps back without ambiguity. Sub-layers a layer compiles to (batch
 * norm, activation) are named `<id>/bn` and `<id>/act`.
 */

const TFJS_NAME = /^[A-Za-z0-9][-A-Za-z0-9._/]*$/;
const ESCAPE = 'L.';

export function tfjsLayerName(layerId: string): string {
  const name = TFJS_NAME.test(layerId) ? layerId : `${ESCAPE}${layerId}`;
  if (!TFJS_NAME.test(name)) throw new Error(`Layer id '${layerId}' has characters a TensorFlow.js name cannot hold (letters, digits, '_', '-', '/' only)`);
  return name;
}

export function layerIdOf(tfjsName: string): string {
  return tfjsName.startsWith(ESCAPE) ? tfjsName.slice(ESCAPE.length) : tfjsName;
}

export const BATCH_NORM_SUFFIX = '/bn';
export const ACTIVATION_SUFFIX = '/act';
