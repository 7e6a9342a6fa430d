/**
 * The exported folder's `train.py`: the paper's recipe (TF's RMSProp, staircase decay, clipping,
 * EMA, label smoothing, weight decay) under `torchrun` data parallelism, writing the Studio's own
 * run folder (`run.json`, `events.jsonl`) so a cluster run opens in the run view. The recipe's
 * numbers are the Studio's defaults, inserted here, not restated.
 */

import { defaultTrainConfig } from '../../training/defaults';
import { RUN_RECORD_FORMAT } from '../../training/runRecordFormat';

export function trainPy(): string {
  const c = defaultTrainConfig;
  return `"""Train the exported network with the paper's recipe, on one GPU, many GPUs or many nodes.

    torchrun --nproc_per_node=N train.py --data DIR [--val DIR] --epochs N --batch N --out RUN_DIR [--json]
    torchrun --nproc_per_node=N train.py --resume RUN_DIR [--epochs N]

--batch is the global batch, split evenly across the processes. RMSProp with TensorFlow's
semantics (mean square starting at 1, epsilon inside the square root), decay ${c.rmsDecay},
momentum ${c.momentum}, epsilon ${c.epsilon}; learning rate ${c.learningRate} x (global batch / ${c.batchSize}) x
${c.lrDecayRate} every ${c.lrDecayEpochs} epochs; gradients clipped to global norm ${c.clipNorm}; an exponential
moving average of the weights (decay ${c.emaDecay}) validated and saved; label smoothing ${c.labelSmoothing};
weight decay ${c.weightDecay} on convolution and dense kernels. DDP uses NCCL on CUDA (with mixed
precision) and gloo on the CPU; rank 0 writes RUN_DIR: run.json, events.jsonl (the Studio's
event format; every event but the per-step ones), classes.json and checkpoints/{last,best}.pt,
each with its weight average beside it as .npz (what the Studio imports).
Resuming restores weights, average, optimizer, epoch and random state: the run continues as
if it had not stopped.
"""

import argparse
import contextlib
import copy
import json
import math
import os
import random
import re
import sys
import time
import uuid
from datetime import datetime, timezone

import numpy as np
import torch
import torch.distributed as dist
import torch.nn.functional as F
from PIL import Image
from torch.nn.parallel import DistributedDataParallel
from torch.utils.data import DataLoader, Dataset, DistributedSampler

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, HERE)
from model import INPUT_SHAPE, Network, load_state  # noqa: E402

RECIPE = ${JSON.stringify(c, null, 4).replace(/true/g, 'True').replace(/false/g, 'False')}
IMAGE_EXTENSIONS = (".jpg", ".jpeg", ".png", ".webp")
CENTRAL_CROP = 0.875


def natural_key(name):
    """The Studio's class order for ordinary names: case-insensitive, numbers by value (class2 < class10)."""
    return [int(part) if part.isdigit() else part.casefold() for part in re.split(r"(\\d+)", name)]


def class_order(names, exported):
    """The export's classes.json order when it names these classes (labels then agree with the Studio), else the Studio's sort."""
    return list(exported) if sorted(exported) == sorted(names) else sorted(names, key=natural_key)


def samples_of(root):
    """(path, class name) pairs of a folder of class sub-folders or a path,label CSV (paths relative to it)."""
    if os.path.isfile(root):
        base = os.path.dirname(os.path.abspath(root))
        rows = [line.rsplit(",", 1) for line in open(root, encoding="utf-8").read().splitlines() if line.strip()]
        if rows and [field.strip().lower() for field in rows[0]] == ["path", "label"]:
            rows = rows[1:]
        return [(os.path.join(base, path.strip()), label.strip()) for path, label in rows]
    pairs = []
    for name in sorted(os.listdir(root)):
        folder = os.path.join(root, name)
        if name.startswith(".") or not os.path.isdir(folder):
            continue
        for dirpath, _, files in sorted(os.walk(folder)):
            pairs += [(os.path.join(dirpath, f), name) for f in sorted(files) if f.lower().endswith(IMAGE_EXTENSIONS)]
    return pairs


def prepare(image, train):
    """The Studio's preparation (central 87.5% crop, bilinear resize with half-pixel centres, values in [-1, 1]);
    in training a random crop of 25-100% of the area and a horizontal flip instead of the central crop."""
    channels, height, width = INPUT_SHAPE
    image = image.convert("RGB" if channels == 3 else "L")
    w, h = image.size
    if train:
        area = random.uniform(0.25, 1.0)
        cw, ch = max(1, round(w * math.sqrt(area))), max(1, round(h * math.sqrt(area)))
        left, top = random.randint(0, w - cw), random.randint(0, h - ch)
    else:
        left, top = math.floor((w - w * CENTRAL_CROP) / 2), math.floor((h - h * CENTRAL_CROP) / 2)
        cw, ch = w - 2 * left, h - 2 * top
    pixels = np.asarray(image.crop((left, top, left + cw, top + ch)), dtype=np.float32).reshape(ch, cw, channels)
    x = torch.from_numpy(pixels).permute(2, 0, 1).unsqueeze(0)
    x = F.interpolate(x, size=(height, width), mode="bilinear", align_corners=False, antialias=False)[0]
    if train and random.random() < 0.5:
        x = x.flip(2)
    return x / 127.5 - 1


class ImageSet(Dataset):
    def __init__(self, samples, classes, train):
        index = {name: i for i, name in enumerate(classes)}
        self.items = [(path, index[name]) for path, name in samples]
        self.train = train

    def __len__(self):
        return len(self.items)

    def __getitem__(self, i):
        path, label = self.items[i]
        with Image.open(path) as image:
            return prepare(image, self.train), label


class TFRMSProp(torch.optim.Optimizer):
    """TensorFlow's RMSProp: ms starts at 1, ms = d*ms + (1-d)*g^2, mom = m*mom + lr*g/sqrt(ms + eps), w -= mom."""

    def __init__(self, params, lr, decay, momentum, eps, weight_decay):
        super().__init__(params, dict(lr=lr, decay=decay, momentum=momentum, eps=eps, weight_decay=weight_decay))

    @torch.no_grad()
    def step(self, closure=None):
        for group in self.param_groups:
            for p in group["params"]:
                if p.grad is None:
                    continue
                state = self.state[p]
                if not state:
                    state["ms"] = torch.ones_like(p)
                    state["mom"] = torch.zeros_like(p)
                ms, mom = state["ms"], state["mom"]
                ms.mul_(group["decay"]).addcmul_(p.grad, p.grad, value=1 - group["decay"])
                mom.mul_(group["momentum"]).addcdiv_(p.grad, (ms + group["eps"]).sqrt(), value=group["lr"])
                p.sub_(mom)


def top_k(logits, labels, k):
    k = min(k, logits.shape[1])
    return (logits.topk(k, dim=1).indices == labels[:, None]).any(dim=1).float().sum().item()


class Events:
    """The Studio's events: one JSON line each on stdout (--json) and, but for steps, in RUN_DIR/events.jsonl."""

    def __init__(self, run_dir, echo, active):
        self.path, self.echo, self.active = os.path.join(run_dir, "events.jsonl"), echo, active

    def emit(self, event):
        if not self.active:
            return
        if self.echo:
            print(json.dumps(event), flush=True)
        if event["type"] != "step":
            stamped = dict(event, time=datetime.now(timezone.utc).isoformat())
            with open(self.path, "a", encoding="utf-8") as log:
                log.write(json.dumps(stamped) + "\\n")


def save_atomic(obj, path):
    temp = f"{path}.tmp-{os.getpid()}"
    torch.save(obj, temp)
    os.replace(temp, path)


def save_checkpoint(state, ema, path):
    """path (.pt, to resume) and beside it the weight average as .npz, which the Studio imports without Python."""
    save_atomic(state, path)
    temp = f"{path}.tmp-{os.getpid()}.npz"
    np.savez(temp, **{name: tensor.detach().cpu().float().numpy() for name, tensor in ema.state_dict().items()})
    os.replace(temp, path[: -len(".pt")] + ".npz")


def write_json(path, value):
    temp = f"{path}.tmp-{os.getpid()}"
    with open(temp, "w", encoding="utf-8") as out:
        json.dump(value, out, indent=2)
    os.replace(temp, path)


def evaluate(net, loader, device, classes):
    net.eval()
    totals, confusion = torch.zeros(4), torch.zeros(classes, classes, dtype=torch.long)
    with torch.no_grad():
        for x, y in loader:
            x, y = x.to(device), y.to(device)
            logits = net(x).float()
            totals += torch.tensor([F.cross_entropy(logits, y, reduction="sum").item(), top_k(logits, y, 1), top_k(logits, y, 5), len(y)])
            for t, p in zip(y.tolist(), logits.argmax(1).tolist()):
                confusion[t, p] += 1
    if dist.is_initialized():
        totals, confusion = totals.to(device), confusion.to(device)
        dist.all_reduce(totals)
        dist.all_reduce(confusion)
    loss, top1, top5, n = totals.tolist()
    return {"loss": loss / n, "top1": top1 / n, "top5": top5 / n}, confusion.cpu().tolist()


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\\n")[0])
    parser.add_argument("--data", help="class sub-folders or a path,label CSV")
    parser.add_argument("--val", help="validation images, as --data")
    parser.add_argument("--epochs", type=int, help="epochs in all (a resumed run: the new total)")
    parser.add_argument("--batch", type=int, help=f"global batch (default {RECIPE['batchSize']})")
    parser.add_argument("--out", help="the run folder to write")
    parser.add_argument("--resume", help="a run folder to continue")
    parser.add_argument("--json", action="store_true", help="every event as a JSON line on stdout")
    parser.add_argument("--workers", type=int, default=2, help="data loading processes per GPU or process")
    parser.add_argument("--seed", type=int, default=RECIPE["seed"])
    args = parser.parse_args()

    distributed = "WORLD_SIZE" in os.environ
    cuda = torch.cuda.is_available()
    if distributed:
        dist.init_process_group("nccl" if cuda else "gloo")
    rank, world = (dist.get_rank(), dist.get_world_size()) if distributed else (0, 1)
    local_rank = int(os.environ.get("LOCAL_RANK", 0))
    device = torch.device(f"cuda:{local_rank}" if cuda else "cpu")
    if cuda:
        torch.cuda.set_device(device)

    if not (args.resume or args.out):
        parser.error("--out RUN_DIR (a new run) or --resume RUN_DIR is required")
    run_dir = os.path.abspath(args.resume or args.out)
    checkpoint = None
    if args.resume:
        record = json.load(open(os.path.join(run_dir, "run.json"), encoding="utf-8"))
        checkpoint = torch.load(os.path.join(run_dir, "checkpoints", "last.pt"), map_location="cpu", weights_only=True)
        data, val, classes = record["data"], record.get("validation"), record["classNames"]
        config = dict(record["config"], epochs=args.epochs or record["config"]["epochs"])
    else:
        if not args.data or not args.epochs:
            parser.error("a new run needs --data and --epochs")
        if rank == 0 and os.path.exists(os.path.join(run_dir, "run.json")):
            parser.error(f"{run_dir} already holds a training run; resume it, or choose another folder")
        data, val = os.path.abspath(args.data), args.val and os.path.abspath(args.val)
        exported = json.load(open(os.path.join(HERE, "classes.json"), encoding="utf-8"))
        classes = class_order({name for _, name in samples_of(data)}, exported)
        config = dict(RECIPE, epochs=args.epochs, batchSize=args.batch or RECIPE["batchSize"], seed=args.seed)
    if config["batchSize"] % world:
        parser.error(f"--batch {config['batchSize']} does not split evenly across {world} processes")

    random.seed(config["seed"] + rank)
    np.random.seed(config["seed"] + rank)
    torch.manual_seed(config["seed"])
    net = Network().to(device)
    outputs = net(torch.zeros(1, *INPUT_SHAPE, device=device)).shape[1]
    if outputs != len(classes):
        parser.error(f"the data has {len(classes)} classes and the network {outputs} outputs; export the design with --classes {len(classes)}")
    if checkpoint is None:
        net.load_state_dict(load_state(os.path.join(HERE, "weights.npz")))
    else:
        net.load_state_dict(checkpoint["model"])
    ema = copy.deepcopy(net).eval()
    if checkpoint is not None:
        ema.load_state_dict(checkpoint["ema"])
    for p in ema.parameters():
        p.requires_grad_(False)

    train_set = ImageSet(samples_of(data), classes, train=True)
    sampler = DistributedSampler(train_set, world, rank, shuffle=True, seed=config["seed"], drop_last=True)
    per_process = config["batchSize"] // world
    loader = DataLoader(train_set, per_process, sampler=sampler, num_workers=args.workers, drop_last=True, pin_memory=cuda)
    val_loader = None
    if val:
        val_set = ImageSet(samples_of(val), classes, train=False)
        val_loader = DataLoader(val_set, per_process, sampler=DistributedSampler(val_set, world, rank, shuffle=False), num_workers=args.workers)

    base_lr = config["learningRate"] * config["batchSize"] / RECIPE["batchSize"]
    optimizer = TFRMSProp(net.parameters(), base_lr, config["rmsDecay"], config["momentum"], config["epsilon"], config["weightDecay"])
    scaler = torch.cuda.amp.GradScaler(enabled=cuda)
    start_epoch, global_step, best = 0, 0, None
    if checkpoint is not None:
        progress = json.loads(checkpoint["progress"])
        optimizer.load_state_dict({"state": checkpoint["optimizer_state"], "param_groups": progress["param_groups"]})
        scaler.load_state_dict(progress["scaler"])
        start_epoch, global_step, best = progress["epoch"], progress["global_step"], progress["best"]
        version, internal, gauss = progress["python_random"][rank]
        random.setstate((version, tuple(internal), gauss))
        name, keys, position, has_gauss, cached = progress["numpy_random"][rank]
        np.random.set_state((name, np.array(keys, dtype=np.uint32), position, has_gauss, cached))
        torch.set_rng_state(checkpoint["torch_random"])
    model = DistributedDataParallel(net, device_ids=[local_rank] if cuda else None) if distributed else net
    decayed = [p for p in net.parameters() if p.dim() > 1]
    steps_per_epoch = len(loader)
    if steps_per_epoch == 0:
        parser.error(f"{data} has {len(train_set)} images, fewer than one batch of {config['batchSize']}")

    if rank == 0:
        os.makedirs(os.path.join(run_dir, "checkpoints"), exist_ok=True)
        if checkpoint is None:
            design = open(os.path.join(HERE, "design.incept.json"), encoding="utf-8").read()
            record = {"format": "${RUN_RECORD_FORMAT}", "version": 1, "runId": uuid.uuid4().hex[:12], "createdAt": datetime.now(timezone.utc).isoformat(),
                      "design": design, "designName": json.loads(design)["name"], "data": data, "config": config, "classNames": classes}
            if val:
                record["validation"] = val
            write_json(os.path.join(run_dir, "run.json"), record)
            write_json(os.path.join(run_dir, "classes.json"), classes)
    events = Events(run_dir, args.json, rank == 0)
    record = json.load(open(os.path.join(run_dir, "run.json"), encoding="utf-8")) if rank == 0 else {"runId": ""}
    device_name = torch.cuda.get_device_name(device) if cuda else "CPU"
    start = {"type": "start", "runId": record["runId"], "runDir": run_dir, "backend": f"pytorch-{'nccl' if cuda else 'gloo' if distributed else 'cpu'}",
             "device": f"{world} x {device_name}", "stepsPerEpoch": steps_per_epoch, "totalSteps": steps_per_epoch * config["epochs"], "config": config, "classNames": classes}
    if checkpoint is not None:
        start["resumedFrom"] = {"epoch": start_epoch, "step": global_step}
    events.emit(start)

    last_path = None
    for epoch in range(start_epoch, config["epochs"]):
        sampler.set_epoch(epoch)
        model.train()
        lr = base_lr * config["lrDecayRate"] ** (epoch // config["lrDecayEpochs"])
        for group in optimizer.param_groups:
            group["lr"] = lr
        began, sums, seen = time.time(), torch.zeros(3, device=device), 0
        for step, (x, y) in enumerate(loader, 1):
            x, y = x.to(device, non_blocking=True), y.to(device, non_blocking=True)
            with torch.autocast("cuda", dtype=torch.float16) if cuda else contextlib.nullcontext():
                logits = model(x)
                loss = F.cross_entropy(logits.float(), y, label_smoothing=config["labelSmoothing"])
            optimizer.zero_grad(set_to_none=True)
            scaler.scale(loss).backward()
            scaler.unscale_(optimizer)
            with torch.no_grad():
                for p in decayed:
                    p.grad.add_(p, alpha=config["weightDecay"])
            torch.nn.utils.clip_grad_norm_(net.parameters(), config["clipNorm"])
            scaler.step(optimizer)
            scaler.update()
            global_step += 1
            with torch.no_grad():
                decay = min(config["emaDecay"], (1 + global_step) / (10 + global_step))
                for e, p in zip(ema.state_dict().values(), net.state_dict().values()):
                    if e.dtype.is_floating_point:
                        e.mul_(decay).add_(p.detach(), alpha=1 - decay)
                    else:
                        e.copy_(p)
                metrics = torch.tensor([loss.item(), top_k(logits, y, 1) / len(y), top_k(logits, y, 5) / len(y)], device=device)
            if distributed:
                dist.all_reduce(metrics)
                metrics /= world
            sums += metrics
            seen += 1
            elapsed = time.time() - began
            events.emit({"type": "step", "epoch": epoch + 1, "step": step, "globalStep": global_step, "lr": lr,
                         "imagesPerSecond": step * config["batchSize"] / max(elapsed, 1e-9),
                         "etaSeconds": elapsed / step * (steps_per_epoch * (config["epochs"] - epoch) - step),
                         "loss": metrics[0].item(), "top1": metrics[1].item(), "top5": metrics[2].item()})
        train = dict(zip(["loss", "top1", "top5"], (sums / seen).tolist()))
        validation, confusion = evaluate(ema, val_loader, device, len(classes)) if val_loader else (None, None)
        epoch_event = {"type": "epoch", "epoch": epoch + 1, "train": train, "validation": validation, "lr": lr, "seconds": time.time() - began}
        if confusion is not None:
            epoch_event["validationConfusion"] = confusion
        events.emit(epoch_event)
        improved = validation is not None and (best is None or validation["top1"] > best)
        best = validation["top1"] if improved else best
        name, keys, position, has_gauss, cached = np.random.get_state()
        local_states = (random.getstate(), (name, keys.tolist(), position, has_gauss, cached))
        gathered = [None] * world
        if distributed:
            dist.all_gather_object(gathered, local_states)
        else:
            gathered = [local_states]
        python_states, numpy_states = [g[0] for g in gathered], [g[1] for g in gathered]
        if rank == 0:
            # Tensors, with everything else as JSON text, so torch.load(weights_only=True) reads it.
            optimizer_state = optimizer.state_dict()
            progress = {"epoch": epoch + 1, "global_step": global_step, "best": best, "classes": classes, "param_groups": optimizer_state["param_groups"],
                        "scaler": scaler.state_dict(), "python_random": python_states, "numpy_random": numpy_states}
            state = {"model": net.state_dict(), "ema": ema.state_dict(), "optimizer_state": optimizer_state["state"], "progress": json.dumps(progress),
                     "torch_random": torch.get_rng_state()}
            last_path = os.path.join(run_dir, "checkpoints", "last.pt")
            save_checkpoint(state, ema, last_path)
            events.emit({"type": "checkpoint", "kind": "last", "epoch": epoch + 1, "path": last_path})
            if improved:
                best_path = os.path.join(run_dir, "checkpoints", "best.pt")
                save_checkpoint(state, ema, best_path)
                events.emit({"type": "checkpoint", "kind": "best", "epoch": epoch + 1, "path": best_path})
    events.emit({"type": "done", "reason": "completed", "epochs": config["epochs"], "bestValTop1": best, "lastCheckpoint": last_path})
    if distributed:
        # Every rank reaches here before any tears gloo down: rank 0 is still saving while the
        # others are done, and a peer gone mid-teardown left torch 1.13's launcher hanging.
        dist.barrier()
        dist.destroy_process_group()


if __name__ == "__main__":
    main()
`;
}
