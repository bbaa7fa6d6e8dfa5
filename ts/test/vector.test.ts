import { test } from "node:test";
import assert from "node:assert/strict";
import { argmax, compactEncoding, decodeVector, encodeVector, taskInput, taskpool, VectorEncoding, VectorError } from "../src";

test("INT64 is big-endian two's complement, 8 bytes per element (zk/vector.Encode)", () => {
  const b = encodeVector([1, -2, 2n ** 62n]);
  assert.deepEqual(
    Buffer.from(b).toString("hex"),
    "0000000000000001" + "fffffffffffffffe" + "4000000000000000",
  );
  assert.deepEqual(decodeVector(b), [1n, -2n, 2n ** 62n]);
});

test("compact encodings round-trip and reject what does not fit", () => {
  const img = [0, 17, 255];
  assert.equal(compactEncoding(img), VectorEncoding.UINT8);
  assert.deepEqual([...encodeVector(img, VectorEncoding.UINT8)], [0, 17, 255]);
  assert.deepEqual(decodeVector(encodeVector(img, VectorEncoding.UINT8), VectorEncoding.UINT8), [0n, 17n, 255n]);

  const small = [-1, 300];
  assert.equal(compactEncoding(small), VectorEncoding.INT16);
  assert.equal(Buffer.from(encodeVector(small, VectorEncoding.INT16)).toString("hex"), "ffff012c");
  assert.deepEqual(decodeVector(encodeVector(small, VectorEncoding.INT16), VectorEncoding.INT16), [-1n, 300n]);

  assert.equal(compactEncoding([40000]), VectorEncoding.INT64);
  assert.throws(() => encodeVector([256], VectorEncoding.UINT8), /element 0 \(256\) does not fit UINT8/);
  assert.throws(() => encodeVector([-1], VectorEncoding.UINT8), VectorError);
  assert.throws(() => encodeVector([32768], VectorEncoding.INT16), /does not fit INT16/);
  assert.throws(() => encodeVector([1.5]), /element 0 \(1.5\) is not a safe integer/);
});

test("decoding applies the chain's checks before allocating", () => {
  assert.throws(() => decodeVector(new Uint8Array(0)), /empty/);
  assert.throws(() => decodeVector(new Uint8Array(7)), /length 7 is not a multiple of 8/);
  assert.throws(() => decodeVector(new Uint8Array(3), VectorEncoding.INT16), /not a multiple of 2/);
  assert.throws(() => decodeVector(new Uint8Array(1025), VectorEncoding.UINT8), /1025 elements, max 1024/);
  assert.throws(() => decodeVector(new Uint8Array(8), 7 as VectorEncoding), /unknown vector encoding 7/);
});

test("argmax picks the first largest element", () => {
  assert.equal(argmax([1n, 5n, 5n, -3n]), 1);
  assert.throws(() => argmax([]), /empty/);
});

test("the encodings are numbered as the proto enum, and a task's input decodes with its own", () => {
  assert.equal(VectorEncoding.INT64, taskpool.VectorEncoding.VECTOR_ENCODING_INT64);
  assert.equal(VectorEncoding.UINT8, taskpool.VectorEncoding.VECTOR_ENCODING_UINT8);
  assert.equal(VectorEncoding.INT16, taskpool.VectorEncoding.VECTOR_ENCODING_INT16);
  assert.deepEqual(taskInput({ input: new Uint8Array([1, 2]), inputEncoding: VectorEncoding.UINT8 }), [1n, 2n]);
  assert.deepEqual(taskInput({ input: new Uint8Array([1, 2]), inputEncoding: VectorEncoding.INT16 }), [258n]);
});
