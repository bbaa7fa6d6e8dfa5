"""MNIST MLP 784-128-10 with ReLU (101,770 parameters), the bundled dense model.

Usage: /usr/bin/python3 zk/models/train/mnist_mlp.py [--data DIR] [--out DIR]
Writes model.onnx (input "input" 1x784), preprocess.json and vectors.json into zk/models/mnist-mlp.
"""

from torch import nn

import common


def build():
    return nn.Sequential(nn.Linear(784, 128), nn.ReLU(), nn.Linear(128, 10))


if __name__ == "__main__":
    common.main("mnist-mlp", build, (1, 784), epochs=12, lr=0.002, batch=128)
