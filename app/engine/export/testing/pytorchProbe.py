"""Loads a PyTorch export as a user would (`from model import load_model`) and runs it on a raw
float32 NCHW input. Usage: pytorchProbe.py EXPORT_DIR INPUT.f32 N C H W OUTPUT.f32 [WEIGHTS]"""
import json
import sys

import numpy as np
import torch

folder, input_path, n, c, h, w, output_path = sys.argv[1:8]
sys.path.insert(0, folder)
from model import load_model  # noqa: E402

net = load_model(sys.argv[8] if len(sys.argv) > 8 else None)
x = torch.from_numpy(np.fromfile(input_path, dtype="<f4").reshape(int(n), int(c), int(h), int(w)))
with torch.no_grad():
    net(x).numpy().astype("<f4").tofile(output_path)
print(json.dumps({
    "trainable": sum(p.numel() for p in net.parameters() if p.requires_grad),
    "buffers": sum(b.numel() for b in net.buffers()),
    "classes": [type(m).__name__ for m in net.children()],
}))
