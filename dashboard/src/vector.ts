// Task inputs and outputs as the chain stores them: a vector of integers in
// one of the encodings of zk/vector (INT64: 8 bytes big-endian two's
// complement per element, the default; UINT8: 1 byte; INT16: 2 bytes
// big-endian two's complement).
import { fromBase64 } from "./api";

const widths: Record<string, number> = {
  VECTOR_ENCODING_INT64: 8,
  VECTOR_ENCODING_UINT8: 1,
  VECTOR_ENCODING_INT16: 2,
};

// decode reads a base64 vector in the named encoding (absent: INT64).
export function decode(b64: string, encoding = "VECTOR_ENCODING_INT64"): number[] {
  const b = fromBase64(b64);
  const w = widths[encoding] ?? 8;
  const view = new DataView(b.buffer, b.byteOffset, b.byteLength);
  const out: number[] = [];
  for (let i = 0; i + w <= b.length; i += w) {
    if (w === 1) out.push(view.getUint8(i));
    else if (w === 2) out.push(view.getInt16(i));
    else out.push(Number(view.getBigInt64(i)));
  }
  return out;
}

// encodeInt64 is the default encoding (VECTOR_ENCODING_INT64 = 0).
export function encodeInt64(v: number[]): Uint8Array {
  const b = new Uint8Array(v.length * 8);
  const view = new DataView(b.buffer);
  v.forEach((x, i) => view.setBigInt64(i * 8, BigInt(x)));
  return b;
}

// encodeCompact encodes v in the narrowest encoding that holds every
// element, as zk/vector's Compact picks it: UINT8 (1) if all are in 0..255,
// else INT16 (2) if all fit, else INT64 (0). It returns the bytes and the
// encoding's number for the message's input_encoding field.
export function encodeCompact(v: number[]): { bytes: Uint8Array; encoding: number } {
  if (v.every((x) => x >= 0 && x <= 255)) return { bytes: Uint8Array.from(v), encoding: 1 };
  if (v.every((x) => x >= -32768 && x <= 32767)) {
    const b = new Uint8Array(v.length * 2);
    const view = new DataView(b.buffer);
    v.forEach((x, i) => view.setInt16(i * 2, x));
    return { bytes: b, encoding: 2 };
  }
  return { bytes: encodeInt64(v), encoding: 0 };
}

export function argmax(v: number[]): number {
  let best = 0;
  v.forEach((x, i) => { if (x > v[best]) best = i; });
  return best;
}

// parseVector reads integers separated by commas or spaces (brackets allowed).
export function parseVector(s: string): number[] {
  const parts = s.replace(/[\[\]]/g, " ").split(/[\s,]+/).filter(Boolean);
  return parts.map((p) => {
    if (!/^-?\d+$/.test(p)) throw new Error(`"${p}" is not an integer`);
    return Number(p);
  });
}
