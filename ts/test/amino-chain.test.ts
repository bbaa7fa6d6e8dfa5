// Every hyra message signed with LEGACY_AMINO_JSON passes the chain's signature check. One
// transaction carries all of them, each with every field set (non-zero, sub-second times, a
// duration with nanoseconds, a repeated message), from an amino-only signer. The chain rebuilds
// the sign bytes from the protobuf it receives; if any converter differed from the chain's
// encoder in one byte, the ante handler would refuse the signature. With a good signature the
// transaction reaches a block, where the message handlers refuse the nonsense values: that
// refusal in a block is the proof.
import { after, before, test } from "node:test";
import assert from "node:assert/strict";
import { Secp256k1HdWallet } from "@cosmjs/amino";
import { HyraClient, HyraTxError } from "../src";
import { hyraMsgs } from "../src/gen/registry";
import { fill } from "./fill";
import { startDevnet, type Devnet } from "./devnet";

const mnemonic = "property invite reduce panther eagle shoe empower heavy tool wonder junior stand drum little pumpkin imitate news real wink core describe goose way talent";

let net: Devnet;
let client: HyraClient;

before(async () => {
  net = await startDevnet({ client: mnemonic });
  client = await HyraClient.connectWithSigner(net.rpcUrl, await Secp256k1HdWallet.fromMnemonic(mnemonic, { prefix: "hyra" }));
});

after(async () => {
  client?.disconnect();
  await net?.stop();
});

test("every hyra message signed with amino JSON passes the chain's signature check", async () => {
  const msgs = hyraMsgs.map((m) => ({ typeUrl: m.typeUrl, value: fill(m.typeUrl.slice(1), client.address) }));
  assert.equal(msgs.length, 29);
  const fee = { amount: [], gas: "5000000" };
  const err = await client.send("all hyra messages", msgs, { fee }).then(() => undefined, (e: unknown) => e);
  assert.ok(err instanceof HyraTxError, `the handlers refuse nonsense values, got ${String(err)}`);
  assert.doesNotMatch(err.log, /signature verification failed/);
  // In a block with a failure code: CheckTx's ante handler, and the block's, accepted the signature.
  assert.ok(err.txHash && err.code > 0, `the transaction reached a block: ${err.message}`);
});
