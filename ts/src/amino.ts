/**
 * Amino JSON converters for every hyra message, so wallets that sign LEGACY_AMINO_JSON (Keplr with
 * a Ledger) can sign hyra transactions. The chain does not keep a hand-written amino codec: it
 * derives the sign bytes from the proto descriptors (cosmossdk.io/x/tx signing/aminojson). These
 * converters walk the same descriptors (the tables in src/gen/registry.ts, generated from proto/)
 * with the same rules, so the JSON a wallet signs is byte for byte the JSON the chain checks.
 */
import { AminoTypes, createDefaultAminoConverters, type AminoConverters } from "@cosmjs/stargate";
import { fromBase64, toBase64 } from "@cosmjs/encoding";
import type { AminoField } from "./amino-fields";
import { aminoShapes, hyraMsgs } from "./gen/registry";

type Obj = Record<string, unknown>;

function shapeOf(name: string): readonly AminoField[] {
  const s = aminoShapes[name];
  if (!s) throw new Error(`no amino field table for ${name}`);
  return s;
}

/** Whether a field counts as set (proto3: a scalar at its zero value is not sent, so not set). */
function isSet(v: unknown, f: AminoField): boolean {
  if (v === undefined || v === null) return false;
  switch (f.kind) {
    case "string": return v !== "";
    case "bool": return v === true;
    case "int32": case "enum": return v !== 0;
    case "int64": return BigInt(v as bigint) !== 0n;
    case "bytes": return (v as Uint8Array).length > 0;
    default: return true; // a message field is set when present, even empty
  }
}

/** Go's time.Format(RFC3339Nano) of a whole-second or sub-second instant, UTC. */
function formatTimestamp(d: Date): string {
  const iso = d.toISOString(); // yyyy-mm-ddThh:mm:ss.mmmZ
  const [whole, frac] = iso.slice(0, -1).split(".");
  const trimmed = (frac ?? "").replace(/0+$/, "");
  return trimmed === "" ? `${whole}Z` : `${whole}.${trimmed}Z`;
}

function encodeValue(v: unknown, f: AminoField): unknown {
  switch (f.kind) {
    case "string":
      return f.scalar === "cosmos.Int" && v === "" ? "0" : v;
    case "bool": case "int32": case "enum":
      return v;
    case "int64":
      return BigInt(v as bigint).toString();
    case "bytes":
      return toBase64(v as Uint8Array);
    case "timestamp":
      return formatTimestamp(v as Date);
    case "duration": {
      const d = v as { seconds: bigint; nanos: number };
      return (BigInt(d.seconds) * 1_000_000_000n + BigInt(d.nanos)).toString();
    }
    case "message":
      return encodeMessage(v as Obj, shapeOf(f.message!));
  }
}

/** The zero value the chain writes for an unset field marked amino.dont_omitempty. */
function zeroValue(f: AminoField): unknown {
  switch (f.kind) {
    case "string": return f.scalar === "cosmos.Int" ? "0" : "";
    case "bool": return false;
    case "int32": case "enum": return 0;
    case "int64": case "duration": return "0";
    case "bytes": return null; // Go's json.Marshal of a nil []byte
    case "timestamp": return formatTimestamp(new Date(0));
    case "message": return encodeMessage({}, shapeOf(f.message!));
  }
}

function encodeMessage(value: Obj, fields: readonly AminoField[]): Obj {
  const out: Obj = {};
  for (const f of fields) {
    const v = value[f.key];
    if (f.repeated) {
      const list = (v as unknown[] | undefined) ?? [];
      if (list.length > 0) out[f.name] = list.map((x) => encodeValue(x, f));
      else if (f.dontOmitEmpty || f.encoding === "legacy_coins") out[f.name] = f.encoding === "legacy_coins" ? [] : null;
      continue;
    }
    if (isSet(v, f)) out[f.name] = encodeValue(v, f);
    else if (f.dontOmitEmpty) out[f.name] = zeroValue(f);
  }
  return out;
}

function decodeValue(v: unknown, f: AminoField): unknown {
  switch (f.kind) {
    case "string": case "bool": case "int32": case "enum":
      return v;
    case "int64":
      return BigInt(v as string);
    case "bytes":
      return fromBase64(v as string);
    case "timestamp":
      return new Date(v as string);
    case "duration": {
      const n = BigInt(v as string);
      return { seconds: n / 1_000_000_000n, nanos: Number(n % 1_000_000_000n) };
    }
    case "message":
      return decodeMessage(v as Obj, shapeOf(f.message!));
  }
}

function decodeMessage(json: Obj, fields: readonly AminoField[]): Obj {
  const out: Obj = {};
  for (const f of fields) {
    const v = json[f.name];
    if (v === undefined || v === null) continue;
    out[f.key] = f.repeated ? (v as unknown[]).map((x) => decodeValue(x, f)) : decodeValue(v, f);
  }
  return out;
}

/** Amino converters for every hyra message, keyed by type URL, for CosmJS's AminoTypes. */
export function createHyraAminoConverters(): AminoConverters {
  const converters: AminoConverters = {};
  for (const m of hyraMsgs) {
    const fields = shapeOf(m.typeUrl.slice(1));
    const type = m.type as unknown as { fromPartial(o: Obj): unknown };
    converters[m.typeUrl] = {
      aminoType: m.aminoName,
      toAmino: (value: Obj) => encodeMessage(value, fields),
      fromAmino: (json: Obj) => type.fromPartial(decodeMessage(json, fields)),
    };
  }
  return converters;
}

/** AminoTypes for the SDK's modules (bank, staking, ...) and every hyra message, as a signing client takes them. */
export function createHyraAminoTypes(): AminoTypes {
  return new AminoTypes({ ...createDefaultAminoConverters(), ...createHyraAminoConverters() });
}
