#!/usr/bin/python3
"""Writes small Keras files for the import tests, by hand with h5py in the layout Keras 2 model.save() uses
(no TensorFlow needed), plus the files Emolens must refuse. Weights are random (seeded): these test the import
machinery, label mapping and error paths, not accuracy.

    /usr/bin/python3 bench/make_keras_fixtures.py src/test/resources/keras

Writes: tiny_sequential.h5 (Keras 2.2.4 Sequential, 48x48x1, Conv2D-MaxPooling2D-Flatten-Dense, FER order),
tiny_functional_alpha.h5 (tf.keras 2.4 "Functional", 32x32x3, Conv2D-BN-ReLU, SeparableConv2D with depth
multiplier 2, residual Add, global pooling, Dense; outputs in alphabetical order angry, disgust, fear, happy,
neutral, sad, surprise), weights_only.h5 (model.save_weights layout), lambda.h5, five_outputs.h5, wide_input.h5,
keras3.keras (Keras 3 zip archive) and keras3_legacy.h5 (Keras 3 writing legacy HDF5), not_hdf5.h5.
Needs Debian's python3-h5py and python3-numpy.
"""
import json
import os
import sys
import zipfile

import h5py
import numpy as np

RNG = np.random.default_rng(16)
GLOROT = {"class_name": "VarianceScaling", "config": {"mode": "fan_avg", "seed": None, "scale": 1.0, "distribution": "uniform"}}
ZEROS = {"class_name": "Zeros", "config": {}}
ONES = {"class_name": "Ones", "config": {}}


def node(*inputs):
    return [[[i, 0, 0, {}] for i in inputs]] if inputs else []


def input_layer(name, shape):
    return {"class_name": "InputLayer", "name": name,
            "config": {"batch_input_shape": [None] + shape, "name": name, "dtype": "float32", "sparse": False}}


def conv(name, filters, kernel, strides=(1, 1), padding="valid", activation="linear", bias=True):
    return {"class_name": "Conv2D", "name": name, "config": {
        "name": name, "filters": filters, "kernel_size": list(kernel), "strides": list(strides), "padding": padding,
        "data_format": "channels_last", "dilation_rate": [1, 1], "activation": activation, "use_bias": bias,
        "kernel_initializer": GLOROT, "bias_initializer": ZEROS, "kernel_regularizer": None, "bias_regularizer": None,
        "activity_regularizer": None, "kernel_constraint": None, "bias_constraint": None, "trainable": True}}


def separable(name, filters, kernel, multiplier, padding="same"):
    return {"class_name": "SeparableConv2D", "name": name, "config": {
        "name": name, "filters": filters, "kernel_size": list(kernel), "strides": [1, 1], "padding": padding,
        "data_format": "channels_last", "dilation_rate": [1, 1], "depth_multiplier": multiplier, "activation": "linear",
        "use_bias": False, "depthwise_initializer": GLOROT, "pointwise_initializer": GLOROT, "bias_initializer": ZEROS,
        "depthwise_regularizer": None, "pointwise_regularizer": None, "bias_regularizer": None, "activity_regularizer": None,
        "depthwise_constraint": None, "pointwise_constraint": None, "bias_constraint": None, "trainable": True}}


def batch_norm(name):
    return {"class_name": "BatchNormalization", "name": name, "config": {
        "name": name, "axis": -1, "momentum": 0.99, "epsilon": 0.001, "center": True, "scale": True,
        "beta_initializer": ZEROS, "gamma_initializer": ONES, "moving_mean_initializer": ZEROS,
        "moving_variance_initializer": ONES, "beta_regularizer": None, "gamma_regularizer": None,
        "beta_constraint": None, "gamma_constraint": None, "trainable": True}}


def activation(name, fn):
    return {"class_name": "Activation", "name": name, "config": {"name": name, "trainable": True, "activation": fn}}


def max_pool(name, size):
    return {"class_name": "MaxPooling2D", "name": name, "config": {
        "name": name, "pool_size": [size, size], "strides": [size, size], "padding": "valid",
        "data_format": "channels_last", "trainable": True}}


def flatten(name):
    return {"class_name": "Flatten", "name": name, "config": {"name": name, "trainable": True, "data_format": "channels_last"}}


def dense(name, units, fn):
    return {"class_name": "Dense", "name": name, "config": {
        "name": name, "units": units, "activation": fn, "use_bias": True, "kernel_initializer": GLOROT,
        "bias_initializer": ZEROS, "kernel_regularizer": None, "bias_regularizer": None, "activity_regularizer": None,
        "kernel_constraint": None, "bias_constraint": None, "trainable": True}}


def simple(kind, name, **config):
    return {"class_name": kind, "name": name, "config": dict(name=name, trainable=True, **config)}


def weights_of(layer, in_channels):
    """Random weights with the shapes Keras stores for this layer."""
    c = layer["config"]
    kind = layer["class_name"]
    if kind == "Conv2D":
        fan = c["kernel_size"][0] * c["kernel_size"][1] * in_channels
        w = {"kernel:0": RNG.normal(0, 1.5 / np.sqrt(fan), c["kernel_size"] + [in_channels, c["filters"]])}
        if c["use_bias"]:
            w["bias:0"] = RNG.normal(0, 0.1, [c["filters"]])
        return w, c["filters"]
    if kind == "SeparableConv2D":
        m = c["depth_multiplier"]
        return {"depthwise_kernel:0": RNG.normal(0, 0.4, c["kernel_size"] + [in_channels, m]),
                "pointwise_kernel:0": RNG.normal(0, 1.2 / np.sqrt(in_channels * m), [1, 1, in_channels * m, c["filters"]])}, c["filters"]
    if kind == "BatchNormalization":
        return {"gamma:0": RNG.uniform(0.5, 1.5, [in_channels]), "beta:0": RNG.normal(0, 0.2, [in_channels]),
                "moving_mean:0": RNG.normal(0, 0.3, [in_channels]), "moving_variance:0": RNG.uniform(0.5, 2, [in_channels])}, in_channels
    if kind == "Dense":
        return {"kernel:0": RNG.normal(0, 2.0 / np.sqrt(in_channels), [in_channels, c["units"]]),
                "bias:0": RNG.normal(0, 0.1, [c["units"]])}, c["units"]
    return {}, in_channels


def write(path, model_class, layers, channels_in, keras_version="2.2.4", functional=None, flat_after=None, with_config=True):
    """Writes an HDF5 file as Keras 2 model.save() does; channel counts flow through `layers` in order."""
    weights, channels, flat = {}, {}, {}
    for layer in layers:
        nodes = layer.get("inbound_nodes") or [[]]
        ins = [i[0] for i in nodes[0]] if functional and isinstance(nodes[0], list) else None
        c_in = channels[ins[0]] if functional and ins else (channels_in if not channels else list(channels.values())[-1])
        if flat_after and layer["name"] == flat_after[0]:
            c_in = flat_after[1]
        w, c_out = weights_of(layer, c_in)
        weights[layer["name"]] = w
        channels[layer["name"]] = c_out
    with h5py.File(path, "w") as f:
        if with_config:
            config = {"class_name": model_class, "config": {"name": "model", "layers": layers}}
            if functional:
                config["config"].update(functional)
            f.attrs["model_config"] = json.dumps(config).encode()
            f.attrs["training_config"] = json.dumps({"loss": "categorical_crossentropy", "metrics": ["accuracy"],
                                                     "optimizer_config": {"class_name": "Adam", "config": {"lr": 0.001}}}).encode()
        f.attrs["keras_version"] = keras_version.encode()
        f.attrs["backend"] = b"tensorflow"
        root = f.create_group("model_weights") if with_config else f
        root.attrs["layer_names"] = np.array([l["name"].encode() for l in layers])
        root.attrs["keras_version"] = keras_version.encode()
        root.attrs["backend"] = b"tensorflow"
        for layer in layers:
            g = root.create_group(layer["name"])
            names = []
            for key, value in weights[layer["name"]].items():
                full = f"{layer['name']}/{key}"
                g.create_dataset(full, data=value.astype(np.float32))
                names.append(full.encode())
            g.attrs["weight_names"] = np.array(names, dtype="S")


def main(out):
    os.makedirs(out, exist_ok=True)
    seq = [dict(conv("conv2d_1", 2, (3, 3), (2, 2), activation="relu"), **{}), max_pool("max_pooling2d_1", 2),
           flatten("flatten_1"), dense("dense_1", 7, "softmax")]
    seq[0]["config"]["batch_input_shape"] = [None, 48, 48, 1]
    write(f"{out}/tiny_sequential.h5", "Sequential", seq, 1, flat_after=("dense_1", 11 * 11 * 2))

    fl = [input_layer("input_1", [32, 32, 3]), conv("conv2d_1", 4, (3, 3), padding="same", bias=False),
          batch_norm("batch_normalization_1"), activation("activation_1", "relu"),
          separable("separable_conv2d_1", 8, (3, 3), 2), batch_norm("batch_normalization_2"),
          conv("conv2d_2", 8, (1, 1), bias=False), simple("Add", "add_1"),
          simple("GlobalAveragePooling2D", "global_average_pooling2d_1", data_format="channels_last"),
          dense("predictions", 7, "softmax")]
    inbound = [[], ["input_1"], ["conv2d_1"], ["batch_normalization_1"], ["activation_1"], ["separable_conv2d_1"],
               ["activation_1"], ["batch_normalization_2", "conv2d_2"], ["add_1"], ["global_average_pooling2d_1"]]
    for layer, ins in zip(fl, inbound):
        layer["inbound_nodes"] = node(*ins)
    io = {"input_layers": [["input_1", 0, 0]], "output_layers": [["predictions", 0, 0]]}
    write(f"{out}/tiny_functional_alpha.h5", "Functional", fl, 3, keras_version="2.4.0", functional=io)

    write(f"{out}/weights_only.h5", "Sequential", seq, 1, flat_after=("dense_1", 11 * 11 * 2), with_config=False)

    lam = [dict(seq[0]), simple("Lambda", "lambda_1", function=["4wEAAAAAAAAA", None, None], function_type="lambda",
                                 output_shape=None, arguments={}), flatten("flatten_1"), dense("dense_1", 7, "softmax")]
    write(f"{out}/lambda.h5", "Sequential", lam, 1, flat_after=("dense_1", 23 * 23 * 2))

    five = [dict(seq[0]), max_pool("max_pooling2d_1", 2), flatten("flatten_1"), dense("dense_1", 5, "softmax")]
    write(f"{out}/five_outputs.h5", "Sequential", five, 1, flat_after=("dense_1", 11 * 11 * 2))

    wide = [json.loads(json.dumps(seq[0])), max_pool("max_pooling2d_1", 2), flatten("flatten_1"), dense("dense_1", 7, "softmax")]
    wide[0]["config"]["batch_input_shape"] = [None, 48, 64, 1]
    write(f"{out}/wide_input.h5", "Sequential", wide, 1, flat_after=("dense_1", 11 * 15 * 2))

    k3 = json.loads(json.dumps(fl))
    for layer in k3:
        layer["module"] = "keras.layers"
        layer["registered_name"] = None
        layer["config"]["dtype"] = {"module": "keras", "class_name": "DTypePolicy", "config": {"name": "float32"}, "registered_name": None}
        layer["inbound_nodes"] = [{"args": [{"class_name": "__keras_tensor__", "config": {"keras_history": [i[0], 0, 0]}}
                                            for i in (layer["inbound_nodes"][0] if layer["inbound_nodes"] else [])], "kwargs": {}}] \
            if layer["inbound_nodes"] else []
    k3[0]["config"]["batch_shape"] = k3[0]["config"].pop("batch_input_shape")
    write(f"{out}/keras3_legacy.h5", "Functional", k3, 3, keras_version="3.3.3", functional=io)

    with zipfile.ZipFile(f"{out}/keras3.keras", "w") as z:
        z.writestr("metadata.json", json.dumps({"keras_version": "3.3.3", "date_saved": "2024-05-01@12:00:00"}))
        z.writestr("config.json", json.dumps({"module": "keras", "class_name": "Functional", "config": {"layers": k3}}))
        z.writestr("model.weights.h5", b"")

    with open(f"{out}/not_hdf5.h5", "w") as f:
        f.write("this is a text file, not a Keras model\n")


if __name__ == "__main__":
    main(sys.argv[1] if len(sys.argv) > 1 else "src/test/resources/keras")
