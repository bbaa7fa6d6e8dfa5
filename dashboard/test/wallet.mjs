// A stand-in for the Keplr extension, which cannot be installed in headless
// Chromium: it offers Keplr's calls on window.keplr and signs in Node with a
// real secp256k1 key of the test chain, so the transaction the page builds
// is signed, broadcast and executed for real.
import crypto from "node:crypto";

const N = BigInt("0xfffffffffffffffffffffffffffffffebaaedce6af48a03bbfd25e8cd0364141");
const b64url = (b) => Buffer.from(b).toString("base64url");

function varint(v, out) {
  v = BigInt(v);
  do { let b = Number(v & 0x7fn); v >>= 7n; if (v > 0n) b |= 0x80; out.push(b); } while (v > 0n);
}

function field(no, bytes, out) {
  varint((no << 3) | 2, out);
  varint(bytes.length, out);
  out.push(...bytes);
}

// signDoc is cosmos.tx.v1beta1.SignDoc's protobuf encoding.
export function signDoc(body, authInfo, chainId, accountNumber) {
  const out = [];
  field(1, body, out);
  field(2, authInfo, out);
  field(3, Buffer.from(chainId), out);
  if (BigInt(accountNumber) !== 0n) { varint(4 << 3, out); varint(accountNumber, out); }
  return Buffer.from(out);
}

// derToCompact turns a DER ECDSA signature into r||s with a low s, the form
// Cosmos accepts.
function derToCompact(der) {
  let i = 2;
  const read = () => { const len = der[i + 1]; const v = der.subarray(i + 2, i + 2 + len); i += 2 + len; return BigInt("0x" + v.toString("hex")); };
  const r = read();
  let s = read();
  if (s > N / 2n) s = N - s;
  const hex = (x) => x.toString(16).padStart(64, "0");
  return Buffer.from(hex(r) + hex(s), "hex");
}

export function keyFromHex(privHex) {
  const priv = Buffer.from(privHex, "hex");
  const ecdh = crypto.createECDH("secp256k1");
  ecdh.setPrivateKey(priv);
  const pub = ecdh.getPublicKey();
  const key = crypto.createPrivateKey({
    format: "jwk",
    key: { kty: "EC", crv: "secp256k1", d: b64url(priv), x: b64url(pub.subarray(1, 33)), y: b64url(pub.subarray(33)) },
  });
  return {
    compressed: ecdh.getPublicKey(null, "compressed"),
    sign: (bytes) => derToCompact(crypto.sign("sha256", bytes, key)),
  };
}

// install puts window.keplr into every document of page, backed by key; it
// records the calls in window.__walletCalls for the test to check.
export async function install(page, key, address) {
  await page.exposeFunction("__walletSign", (bodyB64, authB64, chainId, accountNumber) =>
    key.sign(signDoc(Buffer.from(bodyB64, "base64"), Buffer.from(authB64, "base64"), chainId, accountNumber)).toString("base64"));
  await page.evaluateOnNewDocument((address, pubB64) => {
    const b64 = (u) => btoa(String.fromCharCode(...u));
    const calls = (window.__walletCalls = []);
    window.keplr = {
      async experimentalSuggestChain(info) { calls.push(["experimentalSuggestChain", info.chainId]); },
      async enable(chainId) { calls.push(["enable", chainId]); },
      async getKey() {
        return { bech32Address: address, pubKey: Uint8Array.from(atob(pubB64), (c) => c.charCodeAt(0)), name: "test" };
      },
      async signDirect(chainId, signer, doc) {
        calls.push(["signDirect", signer]);
        const signature = await window.__walletSign(b64(doc.bodyBytes), b64(doc.authInfoBytes), chainId, doc.accountNumber.toString());
        return { signed: doc, signature: { signature } };
      },
    };
  }, address, key.compressed.toString("base64"));
}
