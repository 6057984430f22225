#!/usr/bin/python3
"""Independent reference for `import-keras`: a numpy forward pass of a Keras 2 HDF5 model (model.save()).

Reads the model's own JSON configuration and weights with h5py (no TensorFlow, no DL4J) and runs the layers
in numpy float64: InputLayer, Conv2D, SeparableConv2D, DepthwiseConv2D, BatchNormalization, Activation, Dense,
Flatten, Dropout, MaxPooling2D, AveragePooling2D, GlobalAveragePooling2D, GlobalMaxPooling2D, Add, Concatenate,
ReLU, Softmax; Sequential and functional models, channels_last.

Faces are FER2013 rows (48x48 gray). Resizing to the model's input side is on floats, as Emolens does it: bilinear
with half-pixel centres when enlarging (OpenCV's INTER_LINEAR), pixel-area averaging when shrinking (INTER_AREA); then `unit` x/255, `signed` x/127.5-1 or `raw`. A 3-channel
model gets the gray face repeated.

    /usr/bin/python3 bench/keras_reference.py MODEL.h5 --data fer2013.csv[.gz] --normalization signed \
        [--usage PrivateTest] [--limit N] [--labels L1,...,L7] [--probabilities OUT.csv]

Prints accuracy on the split (labels map the model's outputs to FER2013 emotions, default FER order); with
--probabilities writes `line,emotion,pixels,Usage,p0..p6` (model output order) for each face scored.
Needs Debian's python3-h5py and python3-numpy.
"""
import argparse
import csv
import gzip
import json
import sys

import h5py
import numpy as np

FER = ["Angry", "Disgust", "Fear", "Happy", "Sad", "Surprise", "Neutral"]


def resize(img, n):
    """As Emolens (InputSpec): bilinear when enlarging, area when shrinking, on float values."""
    return resize_area(img, n) if n < img.shape[0] else resize_bilinear(img, n)


def resize_area(img, n):
    """OpenCV INTER_AREA on floats: each output pixel averages the source area it covers (fractional overlaps)."""
    def weights(src):
        scale = src / n
        w = np.zeros((n, src))
        for i in range(n):
            lo, hi = i * scale, (i + 1) * scale
            for j in range(int(np.floor(lo)), min(src, int(np.ceil(hi)))):
                w[i, j] = (min(hi, j + 1) - max(lo, j)) / scale
        return w
    return weights(img.shape[0]) @ img @ weights(img.shape[1]).T


def resize_bilinear(img, n):
    """OpenCV INTER_LINEAR on floats: src = (dst + 0.5) * scale - 0.5, clamped at the borders."""
    h, w = img.shape
    if (h, w) == (n, n):
        return img.copy()

    def axis(src, dst):
        scale = src / dst
        f = (np.arange(dst) + 0.5) * scale - 0.5
        i0 = np.floor(f).astype(int)
        frac = f - i0
        frac[i0 < 0] = 0
        i0[i0 < 0] = 0
        last = i0 >= src - 1
        frac[last] = 0
        i0[last] = src - 1
        i1 = np.minimum(i0 + 1, src - 1)
        return i0, i1, frac

    y0, y1, fy = axis(h, n)
    x0, x1, fx = axis(w, n)
    rows = img[y0, :] * (1 - fy)[:, None] + img[y1, :] * fy[:, None]
    return rows[:, x0] * (1 - fx)[None, :] + rows[:, x1] * fx[None, :]


def normalize(x, mode):
    return {"unit": x / 255.0, "signed": x / 127.5 - 1.0, "raw": x}[mode]


def same_pads(size, k, s):
    out = -(-size // s)
    total = max((out - 1) * s + k - size, 0)
    return total // 2, total - total // 2


def pad(x, kh, kw, sh, sw, padding, value=0.0):
    if padding == "valid":
        return x
    t, b = same_pads(x.shape[1], kh, sh)
    l, r = same_pads(x.shape[2], kw, sw)
    return np.pad(x, ((0, 0), (t, b), (l, r), (0, 0)), constant_values=value)


def windows(x, kh, kw, sh, sw):
    """[n, oh, ow, kh, kw, c] view of the sliding windows of NHWC x."""
    n, h, w, c = x.shape
    oh, ow = (h - kh) // sh + 1, (w - kw) // sw + 1
    st = x.strides
    return np.lib.stride_tricks.as_strided(x, (n, oh, ow, kh, kw, c), (st[0], st[1] * sh, st[2] * sw, st[1], st[2], st[3]))


def conv2d(x, k, strides, padding, dilation=(1, 1)):
    if tuple(dilation) != (1, 1):
        raise SystemExit("dilated convolutions are not supported by this reference")
    kh, kw = k.shape[:2]
    x = pad(x, kh, kw, strides[0], strides[1], padding)
    return np.einsum("nijabc,abcd->nijd", windows(x, kh, kw, *strides), k, optimize=True)


def depthwise(x, k, strides, padding):
    kh, kw, c, m = k.shape
    x = pad(x, kh, kw, strides[0], strides[1], padding)
    out = np.einsum("nijabc,abcm->nijcm", windows(x, kh, kw, *strides), k, optimize=True)
    return out.reshape(out.shape[0], out.shape[1], out.shape[2], c * m)


def activation(x, name):
    if name in ("linear", None):
        return x
    if name == "relu":
        return np.maximum(x, 0)
    if name == "softmax":
        e = np.exp(x - x.max(axis=-1, keepdims=True))
        return e / e.sum(axis=-1, keepdims=True)
    if name == "sigmoid":
        return 1 / (1 + np.exp(-x))
    if name == "tanh":
        return np.tanh(x)
    if name == "elu":
        return np.where(x > 0, x, np.exp(x) - 1)
    raise SystemExit(f"activation {name} is not supported by this reference")


def pool(x, cfg, op):
    kh, kw = cfg["pool_size"]
    sh, sw = cfg.get("strides") or cfg["pool_size"]
    if op == "max":
        x = pad(x, kh, kw, sh, sw, cfg["padding"], -np.inf)
        return windows(x, kh, kw, sh, sw).max(axis=(3, 4))
    if cfg["padding"] == "same":  # Keras averages over the valid cells only
        ones = pad(np.ones_like(x[:1, :, :, :1]), kh, kw, sh, sw, "same")
        x = pad(x, kh, kw, sh, sw, "same")
        return windows(x, kh, kw, sh, sw).sum(axis=(3, 4)) / windows(ones, kh, kw, sh, sw).sum(axis=(3, 4))
    return windows(x, kh, kw, sh, sw).mean(axis=(3, 4))


class Model:
    def __init__(self, path):
        self.file = h5py.File(path, "r")
        if "model_config" not in self.file.attrs:
            raise SystemExit(f"{path} has weights but no architecture")
        raw = self.file.attrs["model_config"]
        config = json.loads(raw.decode() if isinstance(raw, bytes) else raw)
        self.weights_root = self.file["model_weights"] if "model_weights" in self.file else self.file
        layers = config["config"]["layers"] if isinstance(config["config"], dict) else config["config"]
        self.sequential = config["class_name"] == "Sequential"
        self.layers = layers
        first = layers[0]["config"]
        shape = first.get("batch_input_shape") or first.get("batch_shape")
        self.size, self.channels = shape[1], shape[3]
        if not self.sequential:
            self.outputs = [o[0] for o in config["config"]["output_layers"]]

    def weights(self, name):
        group = self.weights_root[name]
        names = [n.decode() if isinstance(n, bytes) else n for n in group.attrs["weight_names"]]
        return {n.split("/")[-1].split(":")[0]: np.asarray(group[n], dtype=np.float64) for n in names}

    def layer(self, layer, inputs):
        kind, cfg, name = layer["class_name"], layer["config"], layer["config"]["name"]
        x = inputs[0]
        if kind == "InputLayer" or kind == "Dropout":
            return x
        if kind == "Add":
            return sum(inputs)
        if kind == "Concatenate":
            return np.concatenate(inputs, axis=cfg.get("axis", -1))
        if kind == "Flatten":
            return x.reshape(x.shape[0], -1)
        if kind == "Activation":
            return activation(x, cfg["activation"])
        if kind == "ReLU":
            return np.maximum(x, 0)
        if kind == "Softmax":
            return activation(x, "softmax")
        if kind == "GlobalAveragePooling2D":
            return x.mean(axis=(1, 2))
        if kind == "GlobalMaxPooling2D":
            return x.max(axis=(1, 2))
        if kind == "MaxPooling2D":
            return pool(x, cfg, "max")
        if kind == "AveragePooling2D":
            return pool(x, cfg, "avg")
        w = self.weights(name)
        if kind == "BatchNormalization":
            c = x.shape[-1]
            gamma = w.get("gamma", np.ones(c))
            beta = w.get("beta", np.zeros(c))
            return (x - w["moving_mean"]) / np.sqrt(w["moving_variance"] + cfg["epsilon"]) * gamma + beta
        if kind == "Dense":
            y = x @ w["kernel"]
        elif kind == "Conv2D":
            y = conv2d(x, w["kernel"], cfg["strides"], cfg["padding"], cfg.get("dilation_rate", (1, 1)))
        elif kind == "SeparableConv2D":
            y = depthwise(x, w["depthwise_kernel"], cfg["strides"], cfg["padding"])
            y = conv2d(y, w["pointwise_kernel"], (1, 1), "valid")
        elif kind == "DepthwiseConv2D":
            y = depthwise(x, w["depthwise_kernel"], cfg["strides"], cfg["padding"])
        else:
            raise SystemExit(f"layer {name} ({kind}) is not supported by this reference")
        if "bias" in w:
            y = y + w["bias"]
        return activation(y, cfg.get("activation"))

    def forward(self, x):
        if self.sequential:
            for layer in self.layers:
                x = self.layer(layer, [x])
            return x
        values = {}
        for layer in self.layers:
            name = layer["config"]["name"]
            nodes = layer["inbound_nodes"]
            values[name] = x if not nodes else self.layer(layer, [values[n[0]] for n in nodes[0]])
        return values[self.outputs[0]]


def read_rows(path, usage, limit):
    opener = gzip.open if path.endswith(".gz") else open
    with opener(path, "rt", newline="") as f:
        reader = csv.reader(f)
        header = next(reader)
        col = {h: i for i, h in enumerate(header)}
        for line, row in enumerate(reader, start=2):
            if usage and row[col["Usage"]] != usage:
                continue
            yield line, int(row[col["emotion"]]), row[col["pixels"]], row[col["Usage"]]
            limit -= 1
            if limit == 0:
                return


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("model")
    ap.add_argument("--data", required=True)
    ap.add_argument("--normalization", choices=["unit", "signed", "raw"], default="unit")
    ap.add_argument("--usage", default="PrivateTest", help="FER2013 Usage to score; '' for every row")
    ap.add_argument("--limit", type=int, default=-1)
    ap.add_argument("--labels", default=",".join(FER), help="the model's outputs in its own order")
    ap.add_argument("--batch", type=int, default=64)
    ap.add_argument("--probabilities", help="write line,emotion,pixels,Usage,p0..p6 here")
    args = ap.parse_args()
    labels = [l.strip().capitalize() for l in args.labels.split(",")]
    to_fer = [FER.index(l) for l in labels]
    model = Model(args.model)
    rows = list(read_rows(args.data, args.usage, args.limit))
    correct, out = 0, []
    for start in range(0, len(rows), args.batch):
        batch = rows[start:start + args.batch]
        faces = np.stack([resize(np.array(r[2].split(), dtype=np.float64).reshape(48, 48), model.size) for r in batch])
        x = np.repeat(normalize(faces, args.normalization)[..., None], model.channels, axis=-1)
        p = model.forward(x)
        for r, probs in zip(batch, p):
            correct += to_fer[int(np.argmax(probs))] == r[1]
            out.append((r, probs))
    print(json.dumps({"model": args.model, "faces": len(rows), "usage": args.usage or "all",
                      "normalization": args.normalization, "accuracy": correct / max(1, len(rows))}))
    if args.probabilities:
        with open(args.probabilities, "w", newline="") as f:
            w = csv.writer(f)
            w.writerow(["line", "emotion", "pixels", "Usage"] + [f"p{i}" for i in range(len(labels))])
            for r, probs in out:
                w.writerow([r[0], r[1], r[2], r[3]] + [f"{v:.8f}" for v in probs])


if __name__ == "__main__":
    sys.exit(main())
