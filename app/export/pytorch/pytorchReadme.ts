/** The exported folder's README.md: what the files are and how to train on one GPU, N GPUs, several nodes and under SLURM. */

export function pytorchReadme(designName: string, appVersion: string): string {
  return `# ${designName} — PyTorch export

Exported by Inception Studio ${appVersion}. Needs Python 3 with \`torch\`, \`torchvision\`, \`numpy\` and \`Pillow\`.

| file | what it is |
| --- | --- |
| \`model.py\` | the network: one \`nn.Module\` class per block type, the design's node names as attributes, TensorFlow's semantics kept (\`same\` padding split TF's way, average pools without the padding, batch norm ε 0.001, residual scales). \`load_model(path=None)\` returns it in eval mode with \`weights.npz\`, another \`.npz\`, or a \`train.py\` checkpoint or run folder |
| \`weights.npz\` | the state dict, read with numpy |
| \`classes.json\` | the class names in output order (the Studio's) |
| \`metadata.json\` | how an image becomes input: central 87.5 % crop, bilinear resize (half-pixel centres, no antialiasing), values in [−1, 1], channels first |
| \`design.incept.json\` | the design, which opens in the Studio and which \`import\` checks weights against |
| \`train.py\` | the paper's training recipe under \`torchrun\` (its docstring lists every number) |

\`\`\`python
from model import load_model
net = load_model()
probabilities = net(images).softmax(1)      # images: N x C x H x W, prepared as metadata.json says
\`\`\`

## Training

\`--data\` and \`--val\` take a folder of class sub-folders or a \`path,label\` CSV. Class indices follow
\`classes.json\` when it names the data's classes, else the Studio's order (case-insensitive, numbers
by value); the run's \`classes.json\` records the order used. \`--batch\` is the global batch, split
across processes; the learning rate scales with it. The network must have as many outputs as the
data has classes (export with \`--classes N\`).

One GPU (or the CPU):

\`\`\`sh
torchrun --nproc_per_node=1 train.py --data train/ --val val/ --epochs 100 --batch 64 --out runs/first
\`\`\`

N GPUs on one machine (NCCL, mixed precision):

\`\`\`sh
torchrun --nproc_per_node=8 train.py --data train/ --val val/ --epochs 100 --batch 512 --out runs/first
\`\`\`

Several nodes: run the same command on each, with the same rendezvous endpoint (a host and free port
reachable from all of them):

\`\`\`sh
torchrun --nnodes=4 --nproc_per_node=8 --rdzv_backend=c10d --rdzv_endpoint=node0.example:29500 --rdzv_id=first \\\\
  train.py --data /shared/train --val /shared/val --epochs 100 --batch 2048 --out /shared/runs/first
\`\`\`

The run folder must be on storage every node sees only for resuming elsewhere; rank 0 alone writes it.

Under SLURM (\`sbatch train.sbatch\`):

\`\`\`sh
#!/bin/bash
#SBATCH --job-name=inception
#SBATCH --nodes=4
#SBATCH --ntasks-per-node=1
#SBATCH --gpus-per-node=8
#SBATCH --cpus-per-task=32
head=$(scontrol show hostnames "$SLURM_JOB_NODELIST" | head -n 1)
srun torchrun --nnodes="$SLURM_NNODES" --nproc_per_node=8 \\\\
  --rdzv_backend=c10d --rdzv_endpoint="$head:29500" --rdzv_id="$SLURM_JOB_ID" \\\\
  train.py --data /shared/train --val /shared/val --epochs 100 --batch 2048 --out /shared/runs/$SLURM_JOB_ID
\`\`\`

Resume a stopped run (same or another machine count; the global batch stays):

\`\`\`sh
torchrun --nproc_per_node=8 train.py --resume runs/first [--epochs 120]
\`\`\`

## Back into the Studio

\`RUN_DIR\` is a Studio run folder: \`run.json\` and \`events.jsonl\` (one JSON line per event in the
Studio's format; \`--json\` prints them on stdout too) open in the run view. Turn the trained weights
into a Studio model directory for \`predict\`, \`evaluate\` and the prediction panel:

\`\`\`sh
inception-studio import runs/first --out my-model
\`\`\`
`;
}
