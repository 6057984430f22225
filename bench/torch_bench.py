#!/usr/bin/python3
"""PyTorch reference for `bench cnn`: the same seed and default networks, the same measures.

Reports infer_ms_per_face_b1, infer_ms_per_face_b16 (eval mode, no grad) and train_images_per_s
(Adam, batch 64), each the median of --runs timed runs after warm-up, plus peak RSS (VmHWM).
Run with Debian's python3-torch: /usr/bin/python3 bench/torch_bench.py --arch seed --json out.json
"""
import argparse
import json
import statistics
import time
from datetime import datetime, timezone

import torch
from torch import nn

TRAIN_WARM_UP_S = 10.0  # as bench cnn: at least 3 training steps and 10 s before the timed runs


def seed_net():
    # The user's Keras network layer for layer: 2,345,607 parameters.
    return nn.Sequential(
        nn.Conv2d(1, 32, 3), nn.ReLU(),
        nn.Conv2d(32, 64, 3), nn.ReLU(), nn.MaxPool2d(2), nn.Dropout(0.25),
        nn.Conv2d(64, 128, 3), nn.ReLU(), nn.MaxPool2d(2),
        nn.Conv2d(128, 128, 3), nn.ReLU(), nn.MaxPool2d(2), nn.Dropout(0.25),
        nn.Flatten(), nn.Linear(2048, 1024), nn.ReLU(), nn.Dropout(0.5), nn.Linear(1024, 7))


def default_net():
    # io.emolens.classify.Architectures "default": 4 blocks of 2x (conv no bias, BN, ReLU) and a max pool,
    # dropout 0.25 after blocks 3 and 4, then dense 256 (BN, ReLU, dropout 0.5) and the 7-way output.
    layers, c_in = [], 1
    for block, width in enumerate((32, 64, 128, 256)):
        for _ in range(2):
            layers += [nn.Conv2d(c_in, width, 3, padding=1, bias=False), nn.BatchNorm2d(width), nn.ReLU()]
            c_in = width
        layers += [nn.MaxPool2d(2)] + ([nn.Dropout(0.25)] if block >= 2 else [])
    layers += [nn.Flatten(), nn.Linear(256 * 3 * 3, 256, bias=False), nn.BatchNorm1d(256), nn.ReLU(),
               nn.Dropout(0.5), nn.Linear(256, 7)]
    return nn.Sequential(*layers)


ARCHS = {"seed": (seed_net, dict(lr=1e-4)), "default": (default_net, dict(lr=1e-3, weight_decay=1e-4))}


def peak_rss_mb():
    with open("/proc/self/status") as f:
        for line in f:
            if line.startswith("VmHWM:"):
                return int(line.split()[1]) / 1024.0
    return -1.0


def infer_runs(net, batch, calls, runs):
    x = torch.rand(batch, 1, 48, 48)
    net.eval()
    with torch.no_grad():
        warm_up_end = time.perf_counter() + 3.0  # as bench cnn: at least 5 calls and 3 s
        calls_done = 0
        while calls_done < 5 or time.perf_counter() < warm_up_end:
            net(x)
            calls_done += 1
        out = []
        for _ in range(runs):
            t0 = time.perf_counter()
            for _ in range(calls):
                torch.softmax(net(x), dim=1)
            out.append((time.perf_counter() - t0) * 1000 / (calls * batch))
    return out


def train_runs(net, opt, batches, runs):
    x = torch.rand(64, 1, 48, 48)
    y = torch.arange(64) % 7
    loss_fn = nn.CrossEntropyLoss()
    net.train()

    def step():
        opt.zero_grad()
        loss_fn(net(x), y).backward()
        opt.step()

    warm_up_end = time.perf_counter() + TRAIN_WARM_UP_S
    steps = 0
    while steps < 3 or time.perf_counter() < warm_up_end:
        step()
        steps += 1
    out = []
    for _ in range(runs):
        t0 = time.perf_counter()
        for _ in range(batches):
            step()
        out.append(batches * 64 / (time.perf_counter() - t0))
    return out


def main():
    p = argparse.ArgumentParser(description=__doc__)
    p.add_argument("--arch", choices=sorted(ARCHS), default="seed")
    p.add_argument("--runs", type=int, default=7)
    p.add_argument("--threads", type=int, default=2)
    p.add_argument("--json")
    a = p.parse_args()
    torch.set_num_threads(a.threads)
    torch.manual_seed(42)
    make, opt_args = ARCHS[a.arch]
    net = make()
    params = sum(t.numel() for t in net.parameters()) + sum(
        b.numel() for n, b in net.named_buffers() if not n.endswith("num_batches_tracked"))
    opt = torch.optim.Adam(net.parameters(), **opt_args)
    b1 = infer_runs(net, 1, 20, a.runs)
    b16 = infer_runs(net, 16, 4, a.runs)
    tr = train_runs(net, opt, 4, a.runs)
    r = lambda v: round(v, 3)
    result = {
        "infer_ms_per_face_b1": r(statistics.median(b1)),
        "infer_ms_per_face_b16": r(statistics.median(b16)),
        "train_images_per_s": r(statistics.median(tr)),
        "infer_ms_per_face_b1_range": [r(min(b1)), r(max(b1))],
        "infer_ms_per_face_b16_range": [r(min(b16)), r(max(b16))],
        "train_images_per_s_range": [r(min(tr)), r(max(tr))],
        "peak_rss_mb": r(peak_rss_mb()),
        "framework": "pytorch " + torch.__version__,
        "architecture": a.arch,
        "parameters": params,
        "threads": torch.get_num_threads(),
        "runs": a.runs,
        "date": datetime.now(timezone.utc).isoformat(),
    }
    text = json.dumps(result, indent=2)
    print(text)
    if a.json:
        with open(a.json, "w") as f:
            f.write(text + "\n")


if __name__ == "__main__":
    main()
