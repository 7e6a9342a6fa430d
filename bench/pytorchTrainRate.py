"""Training images/s of an exported Studio design (its model.py) in PyTorch on the CPU.

python3 pytorchTrainRate.py FOLDER BATCH STEPS THREADS: random images and labels, the paper's
RMSProp (decay 0.9, momentum 0.9, eps 1.0, lr 0.045), two warm-up steps, then STEPS timed steps.
Prints one JSON line: {"imagesPerSecond": ..., "threads": ..., "torch": ...}.
"""

import json
import sys
import time

import torch

folder, batch, steps, threads = sys.argv[1], int(sys.argv[2]), int(sys.argv[3]), int(sys.argv[4])
sys.path.insert(0, folder)
import model  # noqa: E402  (the exported model.py)

torch.manual_seed(1)
torch.set_num_threads(threads)
net = model.Network()
net.train()
preprocessing = json.load(open(f"{folder}/metadata.json"))["preprocessing"]
height, width, channels = preprocessing["height"], preprocessing["width"], preprocessing["channels"]
classes = len(json.load(open(f"{folder}/classes.json")))
optimizer = torch.optim.RMSprop(net.parameters(), lr=0.045, alpha=0.9, eps=1.0, momentum=0.9)
images = torch.randn(batch, channels, height, width)
labels = torch.randint(0, classes, (batch,))
loss_fn = torch.nn.CrossEntropyLoss(label_smoothing=0.1)


def step():
    optimizer.zero_grad()
    loss_fn(net(images), labels).backward()
    optimizer.step()


for _ in range(2):
    step()
start = time.perf_counter()
for _ in range(steps):
    step()
seconds = time.perf_counter() - start
print(json.dumps({"imagesPerSecond": batch * steps / seconds, "threads": torch.get_num_threads(), "torch": torch.__version__}))
