"""MNIST CNN, LeNet-like and cheap to prove.

Conv(1->6, 5x5, no padding) -> ReLU -> MaxPool 2 -> Conv(6->16, 5x5) -> ReLU -> MaxPool 2 ->
Flatten -> Linear(256->HIDDEN) -> ReLU -> Linear(HIDDEN->10). The first conv has no padding, so
the input normalisation folds into it exactly. Conv channels are few because every conv output
costs proof constraints; the small hidden dense layer costs only its HIDDEN requantizations.

Usage: /usr/bin/python3 zk/models/train/mnist_cnn.py [--data DIR] [--out DIR]
Writes model.onnx (input "input" 1x1x28x28), preprocess.json and vectors.json into
zk/models/mnist-cnn.
"""

from torch import nn

import common

HIDDEN = 64


def build():
    return nn.Sequential(
        nn.Conv2d(1, 6, 5), nn.ReLU(), nn.MaxPool2d(2),
        nn.Conv2d(6, 16, 5), nn.ReLU(), nn.MaxPool2d(2),
        nn.Flatten(),
        nn.Linear(256, HIDDEN), nn.ReLU(), nn.Linear(HIDDEN, 10))


if __name__ == "__main__":
    common.main("mnist-cnn", build, (1, 1, 28, 28), epochs=15, lr=0.003, batch=128)
