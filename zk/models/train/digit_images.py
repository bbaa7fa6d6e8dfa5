"""Writes a few MNIST test digits as grayscale PNG and PGM files, for `hyrad client infer --image`.

For each digit 0-9 the first test image with that label is written as
digit-<label>-t10k-<index>.png and .pgm (28x28, 8-bit grayscale, pixels exactly as in
t10k-images-idx3-ubyte: white digit on black), plus digit-0-t10k-0003-56x56.png, the 0
upscaled 2x by pixel repetition, so a resize to 28x28 can be tested: a 2x2 box average gives
back the original pixels exactly.

Usage: /usr/bin/python3 zk/models/train/digit_images.py [--data DIR] [--out DIR]
(default DIR: zk/models/testdata/images). Needs numpy only (no torch).
"""

import argparse
import os
import struct
import zlib

import numpy as np

import common


def png(pixels):
    """An 8-bit grayscale PNG of a 2-D uint8 array (no filter, zlib level 9: deterministic)."""
    h, w = pixels.shape

    def chunk(kind, data):
        body = kind + data
        return struct.pack(">I", len(data)) + body + struct.pack(">I", zlib.crc32(body))
    raw = b"".join(b"\x00" + row.tobytes() for row in pixels)
    return (b"\x89PNG\r\n\x1a\n"
            + chunk(b"IHDR", struct.pack(">IIBBBBB", w, h, 8, 0, 0, 0, 0))
            + chunk(b"IDAT", zlib.compress(raw, 9)) + chunk(b"IEND", b""))


def pgm(pixels):
    """A binary (P5) PGM of a 2-D uint8 array."""
    h, w = pixels.shape
    return f"P5\n{w} {h}\n255\n".encode() + pixels.tobytes()


def main():
    p = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    here = os.path.dirname(os.path.abspath(__file__))
    p.add_argument("--data", help="folder of the MNIST idx files (default: the GoMNIST module's)")
    p.add_argument("--out", default=os.path.join(here, "..", "testdata", "images"))
    args = p.parse_args()
    images, labels = common.load(args.data or common.default_data_dir(), "t10k")
    os.makedirs(args.out, exist_ok=True)
    for digit in range(10):
        index = int(np.argmax(labels == digit))
        stem = os.path.join(args.out, f"digit-{digit}-t10k-{index:04d}")
        with open(stem + ".png", "wb") as f:
            f.write(png(images[index]))
        with open(stem + ".pgm", "wb") as f:
            f.write(pgm(images[index]))
        if digit == 0:
            with open(stem + "-56x56.png", "wb") as f:
                f.write(png(np.repeat(np.repeat(images[index], 2, axis=0), 2, axis=1)))


if __name__ == "__main__":
    main()
