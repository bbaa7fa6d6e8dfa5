// Builds the transaction of the "try it" form: a MsgRouteTask in a signed
// Cosmos transaction, encoded as protobuf by hand (a few fields; no library
// needed), signed by a browser wallet in SIGN_MODE_DIRECT.
import type { Coin } from "./api";

// Writer appends protobuf fields; zero scalars and empty bytes are omitted,
// as protobuf's canonical encoding does.
class Writer {
  private out: number[] = [];

  private varint(v: bigint): void {
    do {
      let b = Number(v & 0x7fn);
      v >>= 7n;
      if (v > 0n) b |= 0x80;
      this.out.push(b);
    } while (v > 0n);
  }

  uint(field: number, v: bigint | number): this {
    if (BigInt(v) === 0n) return this;
    this.varint(BigInt(field << 3));
    this.varint(BigInt(v));
    return this;
  }

  bytes(field: number, b: Uint8Array, always = false): this {
    if (b.length === 0 && !always) return this;
    this.varint(BigInt((field << 3) | 2));
    this.varint(BigInt(b.length));
    b.forEach((x) => this.out.push(x));
    return this;
  }

  string(field: number, s: string): this {
    return this.bytes(field, new TextEncoder().encode(s));
  }

  finish(): Uint8Array {
    return Uint8Array.from(this.out);
  }
}

const coin = (c: Coin) => new Writer().string(1, c.denom).string(2, c.amount).finish();

export function anyOf(typeUrl: string, value: Uint8Array): Uint8Array {
  return new Writer().string(1, typeUrl).bytes(2, value).finish();
}

// msgRouteTask encodes hyra.router.v1.MsgRouteTask; encoding is the
// VectorEncoding number of input (0, INT64, is omitted as protobuf does).
export function msgRouteTask(creator: string, modelId: string, input: Uint8Array, encoding: number, reward: Coin, deadline: Date): Uint8Array {
  const ms = deadline.getTime();
  const ts = new Writer().uint(1, Math.floor(ms / 1000)).uint(2, (ms % 1000) * 1000000).finish();
  const msg = new Writer().string(1, creator).uint(2, BigInt(modelId)).bytes(3, input)
    .bytes(4, coin(reward), true).bytes(5, ts, true).uint(6, encoding).finish();
  return anyOf("/hyra.router.v1.MsgRouteTask", msg);
}

export function txBody(messages: Uint8Array[], memo = ""): Uint8Array {
  const w = new Writer();
  messages.forEach((m) => w.bytes(1, m, true));
  return w.string(2, memo).finish();
}

const SIGN_MODE_DIRECT = 1;

// authInfo: one secp256k1 signer in SIGN_MODE_DIRECT, and the fee.
export function authInfo(pubKey: Uint8Array, sequence: string, fee: Coin[], gas: number): Uint8Array {
  const pk = anyOf("/cosmos.crypto.secp256k1.PubKey", new Writer().bytes(1, pubKey).finish());
  const mode = new Writer().bytes(1, new Writer().uint(1, SIGN_MODE_DIRECT).finish(), true).finish();
  const signer = new Writer().bytes(1, pk).bytes(2, mode, true).uint(3, BigInt(sequence)).finish();
  const f = new Writer();
  fee.forEach((c) => f.bytes(1, coin(c), true));
  f.uint(2, gas);
  return new Writer().bytes(1, signer, true).bytes(2, f.finish(), true).finish();
}

export function txRaw(body: Uint8Array, auth: Uint8Array, signatures: Uint8Array[]): Uint8Array {
  const w = new Writer().bytes(1, body).bytes(2, auth);
  signatures.forEach((s) => w.bytes(3, s, true));
  return w.finish();
}
