"""micrograd's moons training step in PyTorch, the peer that opgrad's docs/performance.md compares.

MLP(2, [16, 16, 1]) with ReLU over micrograd's 100 points, from micrograd's initial parameters,
max-margin loss + 1e-4 * L2, 100 full-batch SGD steps with the learning rate 1 - 0.9 * k / 100:
the workload of opgrad's MoonsTrainingBenchmark and MixedJvmMoonsBenchmark, with tensor ops on the
CPU in float64. Every run's 100 losses are checked against micrograd's trajectory.

Prints the time per step, the mean over repeated trainings with a 99.9% error as JMH prints it.
Run it with samples/benchmarks/moons-torch.sh, which skips it when torch cannot be imported.
"""

import argparse
import csv
import math
import os
import statistics
import sys
import time

import torch

HERE = os.path.dirname(os.path.abspath(__file__))
SAMPLES = os.path.normpath(os.path.join(HERE, "..", "..", "..", ".."))
DATA = os.path.join(SAMPLES, "src", "main", "resources", "dev", "opgrad", "samples")
TRAJECTORY = os.path.join(
    SAMPLES, "src", "test", "resources", "dev", "opgrad", "samples", "moons-trajectory.csv")
SIZES = [2, 16, 16, 1]
STEPS = 100
ALPHA = 1e-4

# Student's t at 99.9% (two-sided) for n - 1 degrees of freedom, as JMH's error bars.
T999 = {4: 8.610, 9: 4.781, 19: 3.883, 29: 3.659, 49: 3.500}


def rows(path):
    with open(path, newline="") as f:
        reader = csv.reader(f)
        next(reader)
        return [[float(x) for x in row] for row in reader]


def parameters(initial):
    """micrograd's flat parameters (per neuron: weights, then bias) as (W, b) leaves per layer."""
    layers, p = [], 0
    for nin, nout in zip(SIZES, SIZES[1:]):
        block = torch.tensor(initial[p:p + nout * (nin + 1)], dtype=torch.float64)
        block = block.reshape(nout, nin + 1)
        p += nout * (nin + 1)
        w = block[:, :nin].clone().requires_grad_()
        b = block[:, nin].clone().requires_grad_()
        layers.append((w, b))
    assert p == len(initial)
    return layers


def train(x, y, initial):
    """100 steps from micrograd's parameters; returns the loss of each step, before its update."""
    layers = parameters(initial)
    params = [t for layer in layers for t in layer]
    losses = []
    for k in range(STEPS):
        h = x
        for i, (w, b) in enumerate(layers):
            h = h @ w.T + b
            if i < len(layers) - 1:
                h = torch.relu(h)
        margins = torch.relu(1 - y * h.squeeze(1))
        data_loss = margins.sum() * (1.0 / len(y))
        reg = ALPHA * sum((p * p).sum() for p in params)
        loss = data_loss + reg
        for p in params:
            p.grad = None
        loss.backward()
        lr = 1.0 - 0.9 * k / 100
        with torch.no_grad():
            for p in params:
                p -= lr * p.grad
        losses.append(loss.item())
    return losses


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeats", type=int, default=20, help="trainings timed (default 20)")
    parser.add_argument("--threads", type=int, default=1, help="torch.set_num_threads (default 1)")
    args = parser.parse_args()
    torch.set_num_threads(args.threads)
    points = rows(os.path.join(DATA, "moons.csv"))
    initial = [r[1] for r in rows(os.path.join(DATA, "moons-init-params.csv"))]
    reference = [r[1] for r in rows(TRAJECTORY)]
    x = torch.tensor([[r[0], r[1]] for r in points], dtype=torch.float64)
    y = torch.tensor([r[2] for r in points], dtype=torch.float64)

    for _ in range(3):  # warm-up: allocator, dispatcher caches
        train(x, y, initial)
    per_step = []
    worst = 0.0
    for _ in range(args.repeats):
        start = time.perf_counter()
        losses = train(x, y, initial)
        per_step.append((time.perf_counter() - start) / STEPS * 1e6)
        worst = max(worst, max(abs(a - b) for a, b in zip(losses, reference)))
    if worst > 1e-6:
        sys.exit(f"losses differ from micrograd's by up to {worst:g}")
    mean = statistics.mean(per_step)
    t = T999.get(args.repeats - 1)
    error = t * statistics.stdev(per_step) / math.sqrt(args.repeats) if t else float("nan")
    print(f"PyTorch {torch.__version__}, CPU, float64, {torch.get_num_threads()} thread(s),"
          f" Python {sys.version.split()[0]}")
    print(f"largest deviation from micrograd's losses over {STEPS} steps: {worst:.3g}")
    print(f"torch moons step: {mean:.1f} ± {error:.1f} us per step"
          f" ({args.repeats} trainings of {STEPS} steps)")


if __name__ == "__main__":
    main()
