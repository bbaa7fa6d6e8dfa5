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
    contents: `export * from "./vector"; export * from "./format"; export { feedItems } from "./events";
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
  assert.deepEqual(u.decode(b64(u.encodeInt64([1, -1, 300]))), [1, -1, 300]);
});

test("inputs are sent in the narrowest encoding that holds them", () => {
  const c = (v) => { const r = u.encodeCompact(v); return [r.encoding, u.decode(b64(r.bytes), ["VECTOR_ENCODING_INT64", "VECTOR_ENCODING_UINT8", "VECTOR_ENCODING_INT16"][r.encoding])]; };
  assert.deepEqual(c([0, 17, 255]), [1, [0, 17, 255]]);
  assert.deepEqual(c([0, 256, -3]), [2, [0, 256, -3]]);
  assert.deepEqual(c([40000, -1]), [0, [40000, -1]]);
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
