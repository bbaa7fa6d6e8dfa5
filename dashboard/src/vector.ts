// Task inputs and outputs as the dashboard shows them. The encodings
// themselves (zk/vector: INT64, UINT8, INT16) are @hyra/client's; this file
// only adapts them to the REST API's JSON (base64 bytes, enum names) and to
// the numbers the pages draw.
import { compactEncoding, decodeVector, encodeVector, type VectorEncoding } from "@hyra/client/vector";
import { vectorEncodingFromJSON } from "@hyra/client/gen/hyra/taskpool/v1/types";
import { fromBase64 } from "./api";

// decode reads a base64 vector in the encoding the REST API names (absent:
// INT64, as the chain reads it).
export function decode(b64: string, encoding = "VECTOR_ENCODING_INT64"): number[] {
  return decodeVector(fromBase64(b64), vectorEncodingFromJSON(encoding) as VectorEncoding).map(Number);
}

// encodeCompact encodes v in the narrowest encoding that holds every element,
// as `hyrad client infer` sends it, and returns the encoding's number for the
// message's input_encoding field.
export function encodeCompact(v: number[]): { bytes: Uint8Array; encoding: VectorEncoding } {
  const encoding = compactEncoding(v);
  return { bytes: encodeVector(v, encoding), encoding };
}

// parseVector reads integers separated by commas or spaces (brackets allowed).
export function parseVector(s: string): number[] {
  const parts = s.replace(/[\[\]]/g, " ").split(/[\s,]+/).filter(Boolean);
  return parts.map((p) => {
    if (!/^-?\d+$/.test(p)) throw new Error(`"${p}" is not an integer`);
    return Number(p);
  });
}
