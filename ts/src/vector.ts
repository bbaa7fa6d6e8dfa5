/**
 * The byte encodings of the integer vectors the chain stores (Go: zk/vector). A task's input and
 * a result's output are vectors of integers; the chain recomputes commitments from the decoded
 * integers, so every encoding is canonical: one byte string per vector.
 *
 * - INT64: 8 bytes per element, big-endian two's complement (results always use it).
 * - UINT8: 1 byte per element, 0..255 (images).
 * - INT16: 2 bytes per element, big-endian two's complement, -32768..32767.
 */

/**
 * The encodings, numbered as the proto enum hyra.taskpool.v1.VectorEncoding (a task's
 * input_encoding; the generated enum is taskpool.VectorEncoding).
 */
export const VectorEncoding = { INT64: 0, UINT8: 1, INT16: 2 } as const;
export type VectorEncoding = (typeof VectorEncoding)[keyof typeof VectorEncoding];

/** The most elements a vector may have (zk/vector.MaxLen). */
export const MAX_VECTOR_LEN = 1024;

const WIDTH: Record<VectorEncoding, number> = { 0: 8, 1: 1, 2: 2 };
const RANGE: Record<VectorEncoding, readonly [bigint, bigint]> = {
  0: [-(1n << 63n), (1n << 63n) - 1n],
  1: [0n, 255n],
  2: [-32768n, 32767n],
};
const NAME: Record<VectorEncoding, string> = { 0: "INT64", 1: "UINT8", 2: "INT16" };

/** An element that is not an integer or does not fit, or bytes that are not a valid encoding. */
export class VectorError extends Error {
  override name = "VectorError";
}

function toBig(x: number | bigint, i: number): bigint {
  if (typeof x === "bigint") return x;
  if (!Number.isSafeInteger(x)) {
    throw new VectorError(`element ${i} (${x}) is not a safe integer; pass a bigint for large values`);
  }
  return BigInt(x);
}

function widthOf(encoding: VectorEncoding): number {
  const w = WIDTH[encoding];
  if (w === undefined) throw new VectorError(`unknown vector encoding ${String(encoding)}`);
  return w;
}

/**
 * Encodes v in the given encoding (INT64 by default); throws VectorError if an element does not
 * fit, naming it counting from 0 as the chain's errors do.
 */
export function encodeVector(v: ReadonlyArray<number | bigint>, encoding: VectorEncoding = VectorEncoding.INT64): Uint8Array {
  const width = widthOf(encoding);
  const [min, max] = RANGE[encoding];
  const out = new Uint8Array(v.length * width);
  const view = new DataView(out.buffer);
  v.forEach((x, i) => {
    const b = toBig(x, i);
    if (b < min || b > max) {
      throw new VectorError(`element ${i} (${b}) does not fit ${NAME[encoding]} (${min}..${max})`);
    }
    if (width === 8) view.setBigInt64(i * 8, b);
    else if (width === 2) view.setInt16(i * 2, Number(b));
    else view.setUint8(i, Number(b));
  });
  return out;
}

/**
 * Decodes bytes in the given encoding (INT64 by default), with the chain's checks: not empty, a
 * whole number of elements, at most MAX_VECTOR_LEN elements.
 */
export function decodeVector(bytes: Uint8Array, encoding: VectorEncoding = VectorEncoding.INT64): bigint[] {
  const width = widthOf(encoding);
  if (bytes.length === 0) throw new VectorError("invalid vector: empty");
  if (bytes.length % width !== 0) {
    throw new VectorError(`invalid vector: length ${bytes.length} is not a multiple of ${width}`);
  }
  const n = bytes.length / width;
  if (n > MAX_VECTOR_LEN) throw new VectorError(`invalid vector: ${n} elements, max ${MAX_VECTOR_LEN}`);
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const out = new Array<bigint>(n);
  for (let i = 0; i < n; i++) {
    if (width === 8) out[i] = view.getBigInt64(i * 8);
    else if (width === 2) out[i] = BigInt(view.getInt16(i * 2));
    else out[i] = BigInt(view.getUint8(i));
  }
  return out;
}

/** The narrowest encoding that holds every element: UINT8, else INT16, else INT64. */
export function compactEncoding(v: ReadonlyArray<number | bigint>): VectorEncoding {
  const big = v.map(toBig);
  const fits = (e: VectorEncoding) => big.every((b) => b >= RANGE[e][0] && b <= RANGE[e][1]);
  if (fits(VectorEncoding.UINT8)) return VectorEncoding.UINT8;
  if (fits(VectorEncoding.INT16)) return VectorEncoding.INT16;
  return VectorEncoding.INT64;
}

/** A task's input, decoded with the task's own encoding. */
export function taskInput(task: { input: Uint8Array; inputEncoding: number }): bigint[] {
  return decodeVector(task.input, task.inputEncoding as VectorEncoding);
}

/** The index of the largest element (the first one on ties): a classifier's predicted class. */
export function argmax(v: ReadonlyArray<number | bigint>): number {
  if (v.length === 0) throw new VectorError("argmax of an empty vector");
  let best = 0;
  for (let i = 1; i < v.length; i++) if (toBig(v[i]!, i) > toBig(v[best]!, best)) best = i;
  return best;
}
