"""Writes avgpool_logsoftmax.onnx and its torch outputs for zk/onnx's tests.

Conv(1->3, 3x3, padding 1) -> ReLU -> AvgPool(2) -> Flatten -> Linear(48->4) -> LogSoftmax,
exported by torch.onnx.export (opset 13, eval mode). The importer turns AvgPool into a sumpool
whose 1/4 goes into the next scale and drops the final LogSoftmax; expected.json holds torch's
logits before the LogSoftmax (what the artifact outputs) for integer inputs 0..15.

Usage: /usr/bin/python3 zk/onnx/testdata/avgpool_logsoftmax.py   (deterministic)
"""

import json
import os

import torch
from torch import nn

torch.manual_seed(5)
here = os.path.dirname(os.path.abspath(__file__))
body = nn.Sequential(nn.Conv2d(1, 3, 3, padding=1), nn.ReLU(), nn.AvgPool2d(2), nn.Flatten(),
                     nn.Linear(48, 4)).eval()
model = nn.Sequential(body, nn.LogSoftmax(dim=1)).eval()
torch.onnx.export(model, torch.zeros(1, 1, 8, 8), os.path.join(here, "avgpool_logsoftmax.onnx"),
                  opset_version=13, input_names=["input"], output_names=["log_probs"])
inputs = torch.randint(0, 16, (4, 1, 1, 8, 8)).float()
with torch.no_grad():
    cases = [{"input": x.reshape(-1).int().tolist(),
              "logits": [float(f"{v:.6g}") for v in body(x).reshape(-1).tolist()]} for x in inputs]
with open(os.path.join(here, "avgpool_logsoftmax.json"), "w") as f:
    f.write("[\n" + ",\n".join(json.dumps(c, separators=(",", ":")) for c in cases) + "\n]\n")
