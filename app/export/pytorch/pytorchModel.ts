/**
 * An export graph as readable PyTorch: one `nn.Module` class per block type (the stem, each
 * Inception, Reduction and Inception-ResNet block) whose attributes are the block's layers, a
 * `Network` whose attributes are the design's nodes, and the state dict those attributes name
 * (weights.npz). The forward pass returns the logits; a final softmax is left to the caller.
 */

import type { ExportGraph, ExportLayer } from '../exportGraph';
import { pythonClassName, pythonName } from './pythonNames';
import { torchLayer, type TorchWeight } from './pytorchModules';

export interface PytorchModel {
  /** The block classes and `Network`, in the order model.py defines them. */
  classes: string[];
  /** Every state-dict key of `Network` and the Studio weight it holds. */
  stateDict: Map<string, TorchWeight>;
}

interface Step {
  /** Python variable holding the result; for a module also its attribute name. */
  name: string;
  /** The statement's right-hand side. */
  expression: string;
  /** `self.<name> = …` in `__init__`, when the step has a module. */
  constructor: string | null;
}

const INDENT = '        ';

function classText(name: string, doc: string, args: readonly string[], steps: readonly Step[], result: string): string {
  const init = steps.filter((step) => step.constructor !== null).map((step) => `${INDENT}self.${step.name} = ${step.constructor}`);
  const body = steps.map((step) => `${INDENT}${step.name} = ${step.expression}`);
  return [
    `class ${name}(nn.Module):`,
    `    """${doc}"""`,
    '',
    '    def __init__(self):',
    '        super().__init__()',
    ...(init.length > 0 ? init : ['        pass']),
    '',
    `    def forward(self, ${args.join(', ')}):`,
    ...body,
    `${INDENT}return ${result}`,
  ].join('\n');
}

/** The steps of `entries`, their external inputs read from `external` (layer id → variable). */
function stepsOf(entries: readonly ExportLayer[], external: (layerId: string) => string, names: (layerId: string) => string, stateDict: Map<string, TorchWeight>, prefix: string): Step[] {
  const local = new Map<string, string>();
  const variable = (id: string): string => local.get(id) ?? external(id);
  const steps: Step[] = [];
  for (const entry of entries) {
    const torch = torchLayer(entry);
    if (torch.kind === 'input') continue;
    const name = names(entry.layer.id);
    const inputs = entry.layer.inputs.map(variable);
    if (torch.kind === 'merge') {
      steps.push({ name, expression: torch.expression(inputs), constructor: null });
    } else {
      steps.push({ name, expression: `self.${name}(${inputs.join(', ')})`, constructor: torch.constructor });
      for (const weight of torch.weights) stateDict.set(`${prefix}${name}.${weight.key}`, weight);
    }
    local.set(entry.layer.id, name);
  }
  return steps;
}

/** The design's nodes in graph order, each with its layers. */
function nodesOf(graph: ExportGraph): Map<string, ExportLayer[]> {
  const nodes = new Map<string, ExportLayer[]>();
  for (const entry of graph.layers) {
    // The network returns logits: a final softmax is left to whoever wants probabilities.
    if (entry.layer.id === graph.head.softmax) continue;
    nodes.set(entry.layer.nodeId, [...(nodes.get(entry.layer.nodeId) ?? []), entry]);
  }
  return nodes;
}

const isPrimitive = (nodeId: string, layers: readonly ExportLayer[]): boolean => layers.length === 1 && layers[0].layer.id === nodeId;

export function pytorchModel(graph: ExportGraph): PytorchModel {
  const stateDict = new Map<string, TorchWeight>();
  const classes: string[] = [];
  const classOfBody = new Map<string, string>();
  const usedClassNames = new Set(['Network', 'BatchNorm', 'ConvBN', 'MaxPool', 'AvgPool', 'Activation', 'GlobalAvgPool', 'Flatten', 'Dense']);
  const usedNames = new Set<string>();
  /** Layer id → the top-level variable holding it (a block's last layer is the block's output). */
  const outputs = new Map<string, string>();
  const topLevel = (id: string): string => {
    const name = outputs.get(id);
    if (name === undefined) throw new Error(`Layer '${id}' is read from outside its block, which the PyTorch export cannot express.`);
    return name;
  };
  const steps: Step[] = [];
  for (const [nodeId, layers] of nodesOf(graph)) {
    if (layers[0].layer.kind === 'input') {
      outputs.set(layers[0].layer.id, 'x');
      continue;
    }
    if (isPrimitive(nodeId, layers)) {
      const [step] = stepsOf(layers, topLevel, (id) => pythonName(id, usedNames), stateDict, '');
      steps.push(step);
      outputs.set(nodeId, step.name);
      continue;
    }
    const name = pythonName(nodeId, usedNames);
    const ids = new Set(layers.map((entry) => entry.layer.id));
    const externals = [...new Set(layers.flatMap((entry) => entry.layer.inputs.filter((input) => !ids.has(input))))];
    const args = externals.length === 1 ? ['x'] : externals.map((_, i) => `x${i}`);
    const localNames = new Set<string>(args);
    const blockSteps = stepsOf(
      layers,
      (id) => args[externals.indexOf(id)],
      (id) => pythonName(id.startsWith(`${nodeId}/`) ? id.slice(nodeId.length + 1) : id, localNames),
      stateDict,
      `${name}.`,
    );
    const type = graph.nodeTypes[nodeId] ?? 'block';
    const body = classText('CLASS', `The ${type} block.`, args, blockSteps, blockSteps.at(-1)?.name ?? args[0]);
    let className = classOfBody.get(body);
    if (className === undefined) {
      const base = pythonClassName(type);
      className = base;
      for (let n = 2; usedClassNames.has(className); n++) className = `${base}${n}`;
      usedClassNames.add(className);
      classOfBody.set(body, className);
      classes.push(body.replace('class CLASS(', `class ${className}(`));
    }
    steps.push({ name, expression: `self.${name}(${externals.map(topLevel).join(', ')})`, constructor: `${className}()` });
    outputs.set(layers.at(-1)!.layer.id, name);
  }
  classes.push(classText('Network', `${graph.name.replace(/"""|\\/g, '')}: N×C×H×W input, logits out.`, ['x'], steps, topLevel(graph.head.logits)));
  return { classes, stateDict };
}
