/**
 * An export graph as a PyTorch folder: `model.py` (readable classes, `load_model()`),
 * `weights.npz` (the state dict, read with numpy), `classes.json` (the Studio's class order,
 * which labels must follow), `metadata.json` (the preprocessing), the design, `train.py` and a
 * README on running it.
 */

import { exportMetadata } from '../exportMetadata';
import type { ExportGraph } from '../exportGraph';
import { npzArchive } from './npzArchive';
import { pytorchModel } from './pytorchModel';
import { torchTensor } from './pytorchModules';
import { pytorchReadme } from './pytorchReadme';
import { trainPy } from './trainPy';
import { TF_LAYERS_PYTHON } from './tfLayersPython';

export const PYTORCH_FILES = {
  model: 'model.py',
  weights: 'weights.npz',
  classes: 'classes.json',
  metadata: 'metadata.json',
  design: 'design.incept.json',
  train: 'train.py',
  readme: 'README.md',
} as const;

function modelPy(graph: ExportGraph, classes: readonly string[], appVersion: string): string {
  const [h, w, c] = graph.input;
  const header = `"""${graph.name.replace(/"""|\\/g, '')} — exported from Inception Studio ${appVersion}.

The network computes what the Studio's model computes, with TensorFlow's semantics kept:
'same' padding split TF's way, average pools that exclude padding, batch norm with epsilon
0.001, residual scales, a flatten in [h, w, c] order. Input: N x ${c} x ${h} x ${w} float32,
prepared as metadata.json says (${exportMetadata(graph, 'NCHW').preprocessing_summary});
output: logits, one per class of classes.json.

    from model import load_model
    net = load_model()                     # weights.npz beside this file, in eval mode
    probabilities = net(images).softmax(1)
"""

import os

import numpy as np
import torch
import torch.nn.functional as F
from torch import nn

INPUT_SHAPE = (${c}, ${h}, ${w})
`;
  const loader = `
def load_state(path, map_location="cpu"):
    """A state dict from a .npz of the export, or the weight average of a train.py checkpoint (a .pt, or a run folder: its best, else its last)."""
    path = str(path)
    if path.endswith(".npz"):
        with np.load(path) as arrays:
            return {name: torch.from_numpy(arrays[name]) for name in arrays.files}
    if os.path.isdir(path):
        best = os.path.join(path, "checkpoints", "best.pt")
        path = best if os.path.exists(best) else os.path.join(path, "checkpoints", "last.pt")
    checkpoint = torch.load(path, map_location=map_location, weights_only=True)
    return checkpoint.get("ema") or checkpoint["model"]


def load_model(path=None, map_location="cpu"):
    """The network in eval mode with the weights of \`path\` (default: weights.npz beside this file)."""
    net = Network()
    net.load_state_dict(load_state(path or os.path.join(os.path.dirname(os.path.abspath(__file__)), "weights.npz"), map_location))
    return net.eval()
`;
  return [header, TF_LAYERS_PYTHON.trim(), ...classes, loader.trim()].join('\n\n\n') + '\n';
}

export function exportPytorch(graph: ExportGraph, appVersion: string): Map<string, Uint8Array> {
  const { classes, stateDict } = pytorchModel(graph);
  const text = (value: string): Uint8Array => new TextEncoder().encode(value);
  const metadata = exportMetadata(graph, 'NCHW');
  return new Map([
    [PYTORCH_FILES.model, text(modelPy(graph, classes, appVersion))],
    [PYTORCH_FILES.weights, npzArchive(new Map([...stateDict].map(([key, weight]) => [key, torchTensor(graph, weight)])))],
    [PYTORCH_FILES.classes, text(JSON.stringify(graph.classNames, null, 2) + '\n')],
    [PYTORCH_FILES.metadata, text(JSON.stringify({ ...metadata, preprocessing: JSON.parse(metadata.preprocessing), classes: graph.classNames }, null, 2) + '\n')],
    [PYTORCH_FILES.design, text(graph.designText)],
    [PYTORCH_FILES.train, text(trainPy())],
    [PYTORCH_FILES.readme, text(pytorchReadme(graph.name, appVersion))],
  ]);
}
