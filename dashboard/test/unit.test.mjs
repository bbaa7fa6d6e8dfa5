// Unit tests of the dashboard's pure functions (node --test), on the
// TypeScript sources bundled by the same esbuild the build uses.
import assert from "node:assert/strict";
import { test } from "node:test";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { build } from "esbuild";

const dir = mkdtempSync(join(tmpdir(), "dashboard-unit-"));
const outfile = join(dir, "units.mjs");
await build({
  stdin: {
    contents: `export * from "./vector"; export * from "./tx"; export * from "./format"; export { feedItems } from "./events";
      export { perMinute } from "./pages/chart"; export { rank } from "./pages/workers";`,
    resolveDir: new URL("../src", import.meta.url).pathname,
    loader: "ts",
  },
  bundle: true, format: "esm", platform: "neutral", outfile, logLevel: "warning",
});
const u = await import(outfile);
rmSync(dir, { recursive: true, force: true });

const b64 = (bytes) => Buffer.from(bytes).toString("base64");

test("inputs decode in each encoding of the compact-input contract", () => {
  assert.deepEqual(u.decode(b64([0, 0, 0, 0, 0, 0, 0, 5, 255, 255, 255, 255, 255, 255, 255, 254])), [5, -2], "INT64 is the default");
  assert.deepEqual(u.decode(b64([0, 128, 255]), "VECTOR_ENCODING_UINT8"), [0, 128, 255]);
  assert.deepEqual(u.decode(b64([0x7f, 0xff, 0x80, 0x00]), "VECTOR_ENCODING_INT16"), [32767, -32768]);
  assert.deepEqual(u.decode(b64(u.encodeCompact([40000, -1, 300]).bytes)), [40000, -1, 300]);
});

test("inputs are sent in the narrowest encoding that holds them", () => {
  const c = (v) => { const r = u.encodeCompact(v); return [r.encoding, u.decode(b64(r.bytes), ["VECTOR_ENCODING_INT64", "VECTOR_ENCODING_UINT8", "VECTOR_ENCODING_INT16"][r.encoding])]; };
  assert.deepEqual(c([0, 17, 255]), [1, [0, 17, 255]]);
  assert.deepEqual(c([0, 256, -3]), [2, [0, 256, -3]]);
  assert.deepEqual(c([40000, -1]), [0, [40000, -1]]);
});

// The bytes below are what the dashboard's earlier hand-written encoder sent,
// which the chain accepted (tests/e2e TestDashboardInBrowser); the
// transaction built from the generated types must be the same.
test("the try-it transaction is the chain's protobuf encoding", () => {
  const hex = (b) => Buffer.from(b).toString("hex");
  const body = u.routeTaskBody("hyra1creator", "7", Uint8Array.from([0, 17, 255]), 1, { denom: "uhyra", amount: "1000" }, new Date(1800000000123));
  assert.equal(hex(body), "0a530a1c2f687972612e726f757465722e76312e4d7367526f7574655461736b12330a0c687972613163726561746f72" +
    "10071a030011ff220d0a0575687972611204313030302a0b0880a4a7da0610c0a9d33a3001");
  const pk = Uint8Array.from({ length: 33 }, (_, i) => i + 2);
  const signer = "0a460a1f2f636f736d6f732e63727970746f2e736563703235366b312e5075624b657912230a21" +
    "02030405060708090a0b0c0d0e0f101112131415161718191a1b1c1d1e1f202122" + "12040a020801";
  assert.equal(hex(u.authInfo(pk, "5", [{ denom: "uhyra", amount: "300" }], 120000)),
    "0a50" + signer + "180512120a0c0a057568797261120333303010c0a907");
  assert.equal(hex(u.authInfo(pk, "0", [], 0)), "0a4e" + signer + "1200", "simulation: no fee, no gas, sequence 0");
  assert.equal(hex(u.txRaw(Uint8Array.of(1), Uint8Array.of(2), [new Uint8Array()])), "0a01011201021a00", "an empty signature is kept");
  assert.deepEqual(u.signDoc(body, Uint8Array.of(2), "hyra-1", "12"), { bodyBytes: body, authInfoBytes: Uint8Array.of(2), chainId: "hyra-1", accountNumber: 12n });
});

test("input text parses as integers, or says which part is not one", () => {
  assert.deepEqual(u.parseVector("[1, 2 3,\n-4]"), [1, 2, 3, -4]);
  assert.throws(() => u.parseVector("1,2.5"), /"2.5" is not an integer/);
});

test("amounts show in HYRA, exactly", () => {
  assert.equal(u.hyra({ denom: "uhyra", amount: "850" }), "0.00085 HYRA");
  assert.equal(u.hyra([{ denom: "uhyra", amount: "12345000000" }]), "12,345 HYRA");
  assert.equal(u.hyra([]), "0 HYRA");
  assert.equal(u.hyra({ denom: "stake", amount: "3" }), "3 stake");
});

test("a routed task's two events make one feed item; a completion carries the worker's share", () => {
  const items = u.feedItems({ kind: "tx", height: 9, events: [
    { type: "hyra.taskpool.v1.EventTaskSubmitted", attributes: { task_id: "4", model_id: "1", reward: { denom: "uhyra", amount: "1000" } } },
    { type: "hyra.router.v1.EventTaskRouted", attributes: { task_id: "4", model_id: "1", pool_id: "1" } },
    { type: "hyra.taskpool.v1.EventTaskCompleted", attributes: { task_id: "3", worker: "hyra1w", worker_reward: { denom: "uhyra", amount: "850" } } },
    { type: "hyra.rewards.v1.EventTaskSettled", attributes: { task_id: "3" } },
  ] });
  assert.deepEqual(items, [
    { taskId: "4", step: "routed", height: 9, modelId: "1", reward: { denom: "uhyra", amount: "1000" } },
    { taskId: "3", step: "completed", height: 9, worker: "hyra1w", workerReward: { denom: "uhyra", amount: "850" } },
  ]);
});

test("results fall in per-minute buckets of the last hours, oldest first", () => {
  const now = 10 * 3600 * 1000;
  const b = u.perMinute([now - 1000, now - 30000, now - 61000, now - 3 * 3600 * 1000 - 1, now + 5000], now);
  assert.equal(b.length, 180);
  assert.equal(b[179], 2);
  assert.equal(b[178], 1);
  assert.equal(b.reduce((x, y) => x + y, 0), 3, "older than the window or in the future: not counted");
});

test("workers rank by reputation, then results", () => {
  const w = (address, reputation, total_tasks) => ({ reputation, worker: { address, total_tasks } });
  assert.deepEqual(u.rank([w("a", "100", "5"), w("b", "120", "1"), w("c", "100", "9")]).map((x) => x.worker.address), ["b", "c", "a"]);
});

test("the median of an even count is the mean of the middle two", () => {
  assert.equal(u.median([4, 1, 3, 2]), 2.5);
  assert.ok(Number.isNaN(u.median([])));
});
