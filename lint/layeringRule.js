/**
 * ESLint rule `local/layering`: every import (static, dynamic, re-export, type-only) of a file
 * inside a layer must resolve into a layer that layer allows, or name a package it allows. See
 * layers.js for the table; files outside every layer (bench/, scripts/, configs) are not checked.
 */

import { isBuiltin } from 'node:module';
import { posix, relative } from 'node:path';
import { isTestFile, layerOf, NODE_BUILTINS } from './layers.js';

/** `@scope/name/sub` → `@scope/name`, `name/sub` → `name`, `node:fs/promises` → `node:fs/promises`. */
function packageName(specifier) {
  if (specifier.startsWith('node:')) return specifier;
  const parts = specifier.split('/');
  return specifier.startsWith('@') ? parts.slice(0, 2).join('/') : parts[0];
}

/** Whether an import specifier is allowed by one `packages` entry (`*` ends a prefix). */
function allows(pattern, specifier) {
  if (pattern === NODE_BUILTINS) return isBuiltin(specifier);
  const name = packageName(specifier);
  return pattern.endsWith('*') ? name.startsWith(pattern.slice(0, -1)) : name === pattern;
}

export const layeringRule = {
  meta: {
    type: 'problem',
    docs: { description: 'Each layer imports only the layers and packages its allow-list names (lint/layers.js).' },
    schema: [],
    messages: {
      layer: "The {{from}} layer may not import '{{specifier}}' ({{to}}); it may import {{allowed}}. See docs/architecture.md.",
      package: "The {{from}} layer may not import the package '{{name}}'; its packages: {{allowed}}. See docs/architecture.md.",
    },
  },
  create(context) {
    const file = relative(context.cwd, context.filename).split('\\').join('/');
    const layer = layerOf(file);
    if (layer === null) return {};
    const test = isTestFile(file);
    const layers = [...layer.imports, ...(test ? (layer.tests?.imports ?? []) : [])];
    const packages = [...layer.packages, ...(test ? (layer.tests?.packages ?? []) : [])];

    const check = (node, source) => {
      if (!source || source.type !== 'Literal' || typeof source.value !== 'string') return;
      const specifier = source.value.split('?')[0];
      if (specifier.startsWith('.')) {
        const target = posix.normalize(posix.join(posix.dirname(file), specifier));
        const targetLayer = layerOf(target);
        if (targetLayer && layers.includes(targetLayer.name)) return;
        const allowed = layers.length > 0 ? layers.join(', ') : 'nothing outside itself';
        context.report({ node, messageId: 'layer', data: { from: layer.name, specifier: source.value, to: targetLayer ? `the ${targetLayer.name} layer` : 'outside every layer', allowed } });
        return;
      }
      if (packages.some((pattern) => allows(pattern, specifier))) return;
      context.report({ node, messageId: 'package', data: { from: layer.name, name: packageName(specifier), allowed: packages.join(', ') || 'none' } });
    };

    return {
      ImportDeclaration: (node) => check(node, node.source),
      ExportAllDeclaration: (node) => check(node, node.source),
      ExportNamedDeclaration: (node) => check(node, node.source),
      ImportExpression: (node) => check(node, node.source),
      TSImportType: (node) => check(node, node.argument?.type === 'TSLiteralType' ? node.argument.literal : node.argument),
    };
  },
};
