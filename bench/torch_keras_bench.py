#!/usr/bin/python3
"""PyTorch reference for `bench cnn --model` on the peer's Keras mini-Xception: the same layers built in PyTorch
(Conv2d, BatchNorm2d, depthwise + pointwise Conv2d for each SeparableConv2D, MaxPool2d with TensorFlow's 'same'
padding, residual adds, global average pooling, softmax) with the Keras file's own weights, read with h5py.

Reports infer_ms_per_face_b1 and infer_ms_per_face_b16 (eval mode, no grad), wall clock and process CPU time, each
the median of --runs timed runs after a 3 s warm-up, as bench cnn does, and checks its probabilities against
bench/keras_reference.py's fixture (max difference printed).

    taskset -c 0 /usr/bin/python3 bench/torch_keras_bench.py ../shared/models/keras/fer2013_mini_XCEPTION.102-0.66.hdf5 \
        [--threads 1] [--runs 7] [--json OUT]

Needs Debian's python3-torch, python3-h5py and python3-numpy.
"""
import argparse
import csv
import json
import os
import statistics
import time
from datetime import datetime, timezone

import h5py
import numpy as np
import torch
import torch.nn.functional as F
from torch import nn

FIXTURE = os.path.join(os.path.dirname(__file__), "..", "src/test/resources/keras/mini_xception_publictest20.csv")


class KerasGraph(nn.Module):
    """Runs a functional Keras 2 model's layers (channels_last file, NCHW tensors) with the file's weights."""

    def __init__(self, path):
        super().__init__()
        f = h5py.File(path, "r")
        config = json.loads(f.attrs["model_config"])["config"]
        self.layers = config["layers"]
        self.output = config["output_layers"][0][0]
        self.mods = nn.ModuleDict()
        self.same = {}
        root = f["model_weights"]
        for layer in self.layers:
            kind, c, name = layer["class_name"], layer["config"], layer["name"]
            w = {}
            if name in root and "weight_names" in root[name].attrs:
                for n in root[name].attrs["weight_names"]:
                    n = n.decode()
                    w[n.split("/")[-1].split(":")[0]] = torch.tensor(np.asarray(root[name][n]))
            if kind == "Conv2D":
                k = w["kernel"].permute(3, 2, 0, 1)
                m = nn.Conv2d(k.shape[1], k.shape[0], tuple(c["kernel_size"]), tuple(c["strides"]), bias="bias" in w,
                              padding="same" if c["padding"] == "same" and c["strides"] == [1, 1] else 0)
                m.weight.data = k.contiguous()
                if "bias" in w:
                    m.bias.data = w["bias"]
                self.mods[name] = m
            elif kind == "SeparableConv2D":
                dw = w["depthwise_kernel"]          # kh, kw, in, mult
                cin, mult = dw.shape[2], dw.shape[3]
                d = nn.Conv2d(cin, cin * mult, tuple(c["kernel_size"]), groups=cin, bias=False, padding="same")
                d.weight.data = dw.permute(2, 3, 0, 1).reshape(cin * mult, 1, dw.shape[0], dw.shape[1]).contiguous()
                pw = w["pointwise_kernel"]          # 1, 1, in*mult, out
                p = nn.Conv2d(cin * mult, pw.shape[3], 1, bias=False)
                p.weight.data = pw.permute(3, 2, 0, 1).contiguous()
                self.mods[name] = nn.Sequential(d, p)
            elif kind == "BatchNormalization":
                m = nn.BatchNorm2d(w["gamma"].shape[0], eps=c["epsilon"])
                m.weight.data, m.bias.data = w["gamma"], w["beta"]
                m.running_mean.data, m.running_var.data = w["moving_mean"], w["moving_variance"]
                self.mods[name] = m
            elif kind == "MaxPooling2D":
                self.mods[name] = nn.MaxPool2d(tuple(c["pool_size"]), tuple(c["strides"]))
                self.same[name] = c["padding"] == "same"

    def forward(self, x):
        values = {}
        for layer in self.layers:
            kind, c, name = layer["class_name"], layer["config"], layer["name"]
            ins = [values[n[0]] for n in layer["inbound_nodes"][0]] if layer["inbound_nodes"] else [x]
            y = ins[0]
            if kind == "InputLayer":
                pass
            elif kind == "Add":
                y = ins[0] + ins[1]
            elif kind == "Activation":
                y = F.relu(y) if c["activation"] == "relu" else F.softmax(y, dim=1) if c["activation"] == "softmax" else y
            elif kind == "GlobalAveragePooling2D":
                y = y.mean(dim=(2, 3))
            elif kind == "MaxPooling2D" and self.same[name]:
                pad = tf_same(y.shape[2], c["pool_size"][0], c["strides"][0])
                y = self.mods[name](F.pad(y, (pad[0], pad[1], pad[0], pad[1]), value=float("-inf")))
            elif kind == "Conv2D" and c["padding"] == "same" and c["strides"] != [1, 1]:
                pad = tf_same(y.shape[2], c["kernel_size"][0], c["strides"][0])
                y = self.mods[name](F.pad(y, (pad[0], pad[1], pad[0], pad[1])))
            else:
                y = self.mods[name](y)
            values[name] = y
        return values[self.output]


def tf_same(size, k, s):
    out = -(-size // s)
    total = max((out - 1) * s + k - size, 0)
    return total // 2, total - total // 2


def check(net):
    with open(FIXTURE) as f:
        rows = list(csv.DictReader(f))
    faces = []
    for r in rows:
        img = torch.tensor(np.array(r["pixels"].split(), dtype=np.float32).reshape(1, 1, 48, 48))
        faces.append(F.interpolate(img, size=(64, 64), mode="bilinear", align_corners=False))
    x = torch.cat(faces) / 127.5 - 1
    with torch.no_grad():
        p = net(x).numpy()
    want = np.array([[float(r[f"p{i}"]) for i in range(7)] for r in rows])
    return float(np.abs(p - want).max())


def runs_of(net, batch, calls, runs):
    x = torch.rand(batch, 1, 64, 64) * 2 - 1
    with torch.no_grad():
        end = time.perf_counter() + 3.0
        n = 0
        while n < 5 or time.perf_counter() < end:
            net(x)
            n += 1
        wall, cpu = [], []
        for _ in range(runs):
            t0, c0 = time.perf_counter(), time.process_time()
            for _ in range(calls):
                net(x)
            wall.append((time.perf_counter() - t0) * 1000 / (calls * batch))
            cpu.append((time.process_time() - c0) * 1000 / (calls * batch))
    return wall, cpu


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("model")
    ap.add_argument("--runs", type=int, default=7)
    ap.add_argument("--threads", type=int, default=len(os.sched_getaffinity(0)))
    ap.add_argument("--json")
    args = ap.parse_args()
    torch.set_num_threads(args.threads)
    net = KerasGraph(args.model).eval()
    diff = check(net)
    b1, c1 = runs_of(net, 1, 20, args.runs)
    b16, c16 = runs_of(net, 16, 4, args.runs)
    out = {"infer_ms_per_face_b1": round(statistics.median(b1), 3), "infer_ms_per_face_b16": round(statistics.median(b16), 3),
           "infer_cpu_ms_per_face_b1": round(statistics.median(c1), 3), "infer_cpu_ms_per_face_b16": round(statistics.median(c16), 3),
           "infer_ms_per_face_b1_range": [round(min(b1), 3), round(max(b1), 3)],
           "infer_ms_per_face_b16_range": [round(min(b16), 3), round(max(b16), 3)],
           "max_abs_diff_vs_numpy_reference": diff, "framework": "pytorch " + torch.__version__, "threads": args.threads,
           "model": os.path.basename(args.model), "runs": args.runs, "date": datetime.now(timezone.utc).isoformat()}
    text = json.dumps(out, indent=2)
    print(text)
    if args.json:
        with open(args.json, "w") as f:
            f.write(text + "\n")


if __name__ == "__main__":
    main()
