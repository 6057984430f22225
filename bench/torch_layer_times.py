#!/usr/bin/python3
"""Per-layer training time of the PyTorch reference network at batch 64, as bench/LayerTimes.java measures DL4J's:
each module's forward (train mode) and backward (torch.autograd.grad for its input and parameters) timed alone,
minimum of 15 after 3 warm-up passes, then totals per module kind.
Run with Debian's python3-torch: /usr/bin/python3 bench/torch_layer_times.py default
"""
import sys
import time
from collections import defaultdict

import torch

import torch_bench


def main():
    arch = sys.argv[1] if len(sys.argv) > 1 else "default"
    torch.set_num_threads(2)
    torch.manual_seed(42)
    net = torch_bench.ARCHS[arch][0]()
    net.train()
    images = torch.rand(64, 1, 48, 48)
    warm_up, timed = 3, 15
    forward = [float("inf")] * len(net)
    backward = [float("inf")] * len(net)
    for p in range(warm_up + timed):
        activation = images
        for i, module in enumerate(net):
            x = activation.detach().requires_grad_(i > 0)
            t0 = time.perf_counter()
            out = module(x)
            t1 = time.perf_counter()
            wrt = ([x] if i > 0 else []) + list(module.parameters())
            grad_out = torch.rand_like(out)
            t2 = time.perf_counter()
            if wrt:
                torch.autograd.grad(out, wrt, grad_out, allow_unused=True)
            t3 = time.perf_counter()
            if p >= warm_up:
                forward[i] = min(forward[i], (t1 - t0) * 1000)
                backward[i] = min(backward[i], (t3 - t2) * 1000)
            activation = out.detach()
    by_kind = defaultdict(lambda: [0.0, 0.0])
    for i, module in enumerate(net):
        kind = type(module).__name__
        print(f"{i:2d} {kind:20s} forward {forward[i]:7.2f} ms  backward {backward[i]:7.2f} ms")
        by_kind[kind][0] += forward[i]
        by_kind[kind][1] += backward[i]
    for kind, (f, b) in by_kind.items():
        print(f"total {kind:20s} forward {f:7.1f} ms  backward {b:7.1f} ms")


if __name__ == "__main__":
    main()
