"""Tiny ONNX graphs for the importer's tests, written with the onnx Python helpers.

Refused graphs (the importer must name the node or input and write nothing):
  lstm.onnx            an LSTM node "lstm" (recurrent layers are unsupported)
  softmax_middle.onnx  Gemm -> Softmax "softmax_middle" -> Gemm
  dynamic_batch.onnx   input "input" of shape ["batch", 4] (a symbolic dimension)
  conv_groups.onnx     a Conv "conv_grouped" with group = 2
  bn_training.onnx     torch.onnx.export in TrainingMode.TRAINING: a BatchNormalization with five
                       outputs, i.e. batch statistics rather than the running ones
Supported graphs, with float reference outputs in expected.json (computed here by torch, not by
any ONNX runtime):
  gemm_relu.onnx       Gemm -> Relu -> Gemm, input [1, 4]
  exporter_helpers.onnx  what exporters emit around ordinary layers: Constant, Pad, Conv,
                       BatchNormalization left unfolded, Relu, Identity, MaxPool, and the
                       Shape -> Gather -> Unsqueeze -> Concat -> Reshape chain of
                       x.view(x.size(0), -1), which folds to the constant [1, -1]; input [1, 1, 8, 8]
  torch_unfolded.onnx  the same kind of network exported by torch in eval mode with
                       TrainingMode.PRESERVE and do_constant_folding=False: Identity nodes, the
                       BatchNormalization left unfolded, Constant/Unsqueeze/Concat shape arithmetic

Usage: /usr/bin/python3 zk/models/train/onnx_fixtures.py [--out DIR]
(default DIR: zk/models/testdata/onnx). Deterministic: same files on every run.
"""

import argparse
import copy
import json
import os

import numpy as np
import onnx
import torch
import torch.nn.functional as F
from onnx import TensorProto, helper, numpy_helper

FLOAT = TensorProto.FLOAT
rng = np.random.default_rng(7)


def rand(*shape, scale=0.5):
    """Weights rounded to multiples of 1/64, so fixed-point quantization of them is exact."""
    return (np.round(rng.normal(0, scale, shape) * 64) / 64).astype(np.float32)


def init(name, array):
    return numpy_helper.from_array(np.asarray(array), name)


def model(nodes, inputs, outputs, inits, name):
    graph = helper.make_graph(nodes, name, inputs, outputs, inits)
    m = helper.make_model(graph, producer_name="hyrad-onnx-fixtures",
                          opset_imports=[helper.make_opsetid("", 13)])
    m.ir_version = 7
    onnx.checker.check_model(m, full_check=True)
    return m


def vinfo(name, shape):
    return helper.make_tensor_value_info(name, FLOAT, shape)


def lstm():
    hidden, feat = 4, 8
    nodes = [helper.make_node("LSTM", ["input", "W", "R", "B"], ["", "h"], name="lstm",
                              hidden_size=hidden),
             helper.make_node("Reshape", ["h", "shape"], ["flat"], name="flatten_h"),
             helper.make_node("Gemm", ["flat", "fc_w", "fc_b"], ["logits"], name="fc",
                              transB=1)]
    inits = [init("W", rand(1, 4 * hidden, feat)), init("R", rand(1, 4 * hidden, hidden)),
             init("B", rand(1, 8 * hidden)), init("shape", np.array([1, hidden], np.int64)),
             init("fc_w", rand(3, hidden)), init("fc_b", rand(3))]
    return model(nodes, [vinfo("input", [5, 1, feat])], [vinfo("logits", [1, 3])], inits, "lstm")


def softmax_middle():
    nodes = [helper.make_node("Gemm", ["input", "w1", "b1"], ["h"], name="fc1", transB=1),
             helper.make_node("Softmax", ["h"], ["p"], name="softmax_middle", axis=1),
             helper.make_node("Gemm", ["p", "w2", "b2"], ["logits"], name="fc2", transB=1)]
    inits = [init("w1", rand(5, 4)), init("b1", rand(5)), init("w2", rand(3, 5)),
             init("b2", rand(3))]
    return model(nodes, [vinfo("input", [1, 4])], [vinfo("logits", [1, 3])], inits,
                 "softmax_middle")


def dynamic_batch():
    nodes = [helper.make_node("Gemm", ["input", "w", "b"], ["h"], name="fc", transB=1),
             helper.make_node("Relu", ["h"], ["logits"], name="relu")]
    inits = [init("w", rand(3, 4)), init("b", rand(3))]
    return model(nodes, [vinfo("input", ["batch", 4])], [vinfo("logits", ["batch", 3])], inits,
                 "dynamic_batch")


def conv_groups():
    nodes = [helper.make_node("Conv", ["input", "w", "b"], ["y"], name="conv_grouped",
                              group=2, kernel_shape=[3, 3]),
             helper.make_node("Flatten", ["y"], ["flat"], name="flatten"),
             helper.make_node("Gemm", ["flat", "fc_w", "fc_b"], ["logits"], name="fc",
                              transB=1)]
    inits = [init("w", rand(4, 1, 3, 3)), init("b", rand(4)), init("fc_w", rand(3, 144)),
             init("fc_b", rand(3))]
    return model(nodes, [vinfo("input", [1, 2, 8, 8])], [vinfo("logits", [1, 3])], inits,
                 "conv_groups")


def gemm_relu():
    w1, b1, w2, b2 = rand(5, 4), rand(5), rand(3, 5), rand(3)
    nodes = [helper.make_node("Gemm", ["input", "w1", "b1"], ["h"], name="fc1", transB=1),
             helper.make_node("Relu", ["h"], ["r"], name="relu1"),
             helper.make_node("Gemm", ["r", "w2", "b2"], ["logits"], name="fc2", transB=1)]
    inits = [init("w1", w1), init("b1", b1), init("w2", w2), init("b2", b2)]

    def reference(x):
        return F.linear(F.relu(F.linear(x, t(w1), t(b1))), t(w2), t(b2))
    m = model(nodes, [vinfo("input", [1, 4])], [vinfo("logits", [1, 3])], inits, "gemm_relu")
    return m, reference, (1, 4), 16


def exporter_helpers():
    conv_w, conv_b = rand(2, 1, 3, 3, scale=0.05), rand(2, scale=0.05)
    gamma, beta = np.array([1.5, 0.75], np.float32), np.array([0.25, -0.5], np.float32)
    mean, var = np.array([3.0, -1.0], np.float32), np.array([4.0, 0.25], np.float32)
    fc_w, fc_b = rand(3, 32, scale=0.25), rand(3)
    nodes = [
        helper.make_node("Constant", [], ["pads"], name="pads_const",
                         value=init("pads_value", np.array([0, 0, 1, 1, 0, 0, 1, 1], np.int64))),
        helper.make_node("Pad", ["input", "pads"], ["padded"], name="pad", mode="constant"),
        helper.make_node("Conv", ["padded", "conv_w", "conv_b"], ["c"], name="conv",
                         kernel_shape=[3, 3]),
        helper.make_node("BatchNormalization", ["c", "bn_gamma", "bn_beta", "bn_mean", "bn_var"],
                         ["bn"], name="bn", epsilon=1e-5),
        helper.make_node("Relu", ["bn"], ["r"], name="relu"),
        helper.make_node("Identity", ["r"], ["r_id"], name="identity"),
        helper.make_node("MaxPool", ["r_id"], ["p"], name="pool", kernel_shape=[2, 2],
                         strides=[2, 2]),
        helper.make_node("Shape", ["p"], ["p_shape"], name="shape"),
        helper.make_node("Constant", [], ["zero"], name="zero_const",
                         value=init("zero_value", np.array(0, np.int64))),
        helper.make_node("Gather", ["p_shape", "zero"], ["batch"], name="gather", axis=0),
        helper.make_node("Constant", [], ["axes"], name="axes_const",
                         value=init("axes_value", np.array([0], np.int64))),
        helper.make_node("Unsqueeze", ["batch", "axes"], ["batch1"], name="unsqueeze"),
        helper.make_node("Constant", [], ["minus_one"], name="minus_one_const",
                         value=init("minus_one_value", np.array([-1], np.int64))),
        helper.make_node("Concat", ["batch1", "minus_one"], ["new_shape"], name="concat", axis=0),
        helper.make_node("Reshape", ["p", "new_shape"], ["flat"], name="reshape"),
        helper.make_node("Gemm", ["flat", "fc_w", "fc_b"], ["logits"], name="fc", transB=1),
    ]
    inits = [init("conv_w", conv_w), init("conv_b", conv_b), init("bn_gamma", gamma),
             init("bn_beta", beta), init("bn_mean", mean), init("bn_var", var),
             init("fc_w", fc_w), init("fc_b", fc_b)]

    def reference(x):
        y = F.conv2d(F.pad(x, (1, 1, 1, 1)), t(conv_w), t(conv_b))
        y = F.batch_norm(y, t(mean), t(var), t(gamma), t(beta), training=False, eps=1e-5)
        y = F.max_pool2d(F.relu(y), 2)
        return F.linear(y.reshape(1, -1), t(fc_w), t(fc_b))
    m = model(nodes, [vinfo("input", [1, 1, 8, 8])], [vinfo("logits", [1, 3])], inits,
              "exporter_helpers")
    return m, reference, (1, 1, 8, 8), 256


class SmallConvNet(torch.nn.Module):
    """Conv (padding 1) -> BatchNorm -> ReLU -> MaxPool -> view -> Linear, as PyTorch users write it."""

    def __init__(self):
        super().__init__()
        self.conv = torch.nn.Conv2d(1, 2, 3, padding=1)
        self.bn = torch.nn.BatchNorm2d(2)
        self.fc = torch.nn.Linear(32, 3)
        with torch.no_grad():
            for p in [self.conv.weight, self.conv.bias]:
                p.copy_(t(rand(*p.shape, scale=0.05)))
            self.fc.weight.copy_(t(rand(3, 32, scale=0.25)))
            self.fc.bias.copy_(t(rand(3)))
            self.bn.weight.copy_(torch.tensor([1.25, 0.5]))
            self.bn.bias.copy_(torch.tensor([-0.25, 0.5]))
            self.bn.running_mean.copy_(torch.tensor([2.0, -3.0]))
            self.bn.running_var.copy_(torch.tensor([9.0, 0.5]))

    def forward(self, x):
        x = F.max_pool2d(F.relu(self.bn(self.conv(x))), 2)
        return self.fc(x.view(x.size(0), -1))


def torch_export(net, path, training):
    torch.onnx.export(net, torch.zeros(1, 1, 8, 8), path, opset_version=13, training=training,
                      do_constant_folding=False, input_names=["input"], output_names=["logits"])


def t(a):
    return torch.from_numpy(a)


def main():
    p = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    here = os.path.dirname(os.path.abspath(__file__))
    p.add_argument("--out", default=os.path.join(here, "..", "testdata", "onnx"))
    out = p.parse_args().out
    os.makedirs(out, exist_ok=True)
    for name, build in [("lstm", lstm), ("softmax_middle", softmax_middle),
                        ("dynamic_batch", dynamic_batch), ("conv_groups", conv_groups)]:
        onnx.save(build(), os.path.join(out, name + ".onnx"))
    torch.manual_seed(0)
    net = SmallConvNet().eval()
    torch_export(net, os.path.join(out, "torch_unfolded.onnx"), torch.onnx.TrainingMode.PRESERVE)
    # A training-mode export runs the net in train mode, which moves BatchNorm's running
    # statistics: it gets a copy.
    torch_export(copy.deepcopy(net), os.path.join(out, "bn_training.onnx"),
                 torch.onnx.TrainingMode.TRAINING)
    expected = {}
    built = [("gemm_relu", gemm_relu()), ("exporter_helpers", exporter_helpers()),
             ("torch_unfolded", (None, net, (1, 1, 8, 8), 256))]
    for name, (m, reference, shape, levels) in built:
        if m is not None:
            onnx.save(m, os.path.join(out, name + ".onnx"))
        inputs = rng.integers(0, levels, size=(4,) + shape).astype(np.float32)
        expected[name] = {
            "input_shape": list(shape), "input_max": levels - 1,
            "cases": [{"input": x.reshape(-1).astype(int).tolist(),
                       "logits": logits(reference, x)}
                      for x in inputs]}
    with open(os.path.join(out, "expected.json"), "w") as f:
        f.write(expected_json(expected))


def logits(reference, x):
    with torch.no_grad():
        return [float(f"{v:.6g}") for v in reference(t(x)).reshape(-1).tolist()]


def expected_json(expected):
    """expected.json with one case per line."""
    graphs = []
    for name, doc in expected.items():
        cases = ",\n".join("   " + json.dumps(c, separators=(",", ":")) for c in doc["cases"])
        graphs.append(f' "{name}": {{"input_shape": {json.dumps(doc["input_shape"])}, '
                      f'"input_max": {doc["input_max"]}, "cases": [\n{cases}\n ]}}')
    return "{\n" + ",\n".join(graphs) + "\n}\n"


if __name__ == "__main__":
    main()
