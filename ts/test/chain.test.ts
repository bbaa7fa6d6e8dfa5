// Every helper of @hyra/client against a real hyrad chain. The owner signs DIRECT; the client and
// the worker sign LEGACY_AMINO_JSON (as Keplr with a Ledger does), so the chain accepting their
// transactions proves the amino converters produce the chain's own sign bytes.
import { after, before, test } from "node:test";
import assert from "node:assert/strict";
import { execFileSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { Secp256k1HdWallet } from "@cosmjs/amino";
import { DirectSecp256k1HdWallet } from "@cosmjs/proto-signing";
import { HyraClient, HyraQueryClient, HyraQueryError, HyraTxError, TaskEndedError, TaskWaitError, taskInput, taskpool, VectorEncoding } from "../src";
import { chainId, hyrad, repo, startDevnet, type Devnet } from "./devnet";

export const mnemonics = {
  owner: "invite evil smooth wise suggest slush shaft magnet million teach ensure orbit umbrella public season radio judge pumpkin sport estate wolf explain unit lake",
  client: "property invite reduce panther eagle shoe empower heavy tool wonder junior stand drum little pumpkin imitate news real wink core describe goose way talent",
  worker: "switch attitude notable garden more armor excite number moon dismiss target rotate steel toward jungle cycle speak enemy either hospital pave foam turtle taste",
};
const iris = join(repo, "zk", "models", "iris");
const sample = [54, 30, 45, 15]; // zk/models/iris/samples.json: versicolor

let net: Devnet;
let owner: HyraClient, client: HyraClient, worker: HyraClient;
let modelId: bigint;
const tmp = mkdtempSync(join(tmpdir(), "hyra-ts-proofs-"));

before(async () => {
  net = await startDevnet(mnemonics);
  const opts = { prefix: "hyra" };
  owner = await HyraClient.connectWithSigner(net.rpcUrl, await DirectSecp256k1HdWallet.fromMnemonic(mnemonics.owner, opts));
  client = await HyraClient.connectWithSigner(net.rpcUrl, await Secp256k1HdWallet.fromMnemonic(mnemonics.client, opts));
  worker = await HyraClient.connectWithSigner(net.rpcUrl, await Secp256k1HdWallet.fromMnemonic(mnemonics.worker, opts));
});

after(async () => {
  for (const c of [owner, client, worker]) c?.disconnect();
  await net?.stop();
  rmSync(tmp, { recursive: true, force: true });
});

/** The output and proof `hyrad zk prove` makes for a task claimed by the worker. */
function prove(taskId: bigint, input: number[]): { output: bigint[]; proof: Uint8Array } {
  const out = join(tmp, `proof-${taskId}.bin`);
  const stdout = execFileSync(hyrad, ["zk", "prove", "--artifact", join(iris, "artifact.json"), "--pk", join(iris, "proving.key"),
    "--vk", join(iris, "verifying.key"), "--chain-id", chainId, "--task-id", taskId.toString(), "--worker", worker.address,
    "--input", input.join(","), "--out", out], { encoding: "utf8", stdio: ["ignore", "pipe", "pipe"] });
  const m = /^output: ([-\d,]+)$/m.exec(stdout);
  assert.ok(m, `no output vector in hyrad zk prove's output:\n${stdout}`);
  return { output: m[1]!.split(",").map(BigInt), proof: readFileSync(out) };
}

test("registerModel (DIRECT) and the model reads", async () => {
  const res = await owner.registerModel({
    name: "iris", description: "iris species", price: "1000uhyra",
    artifact: readFileSync(join(iris, "artifact.json")), verifyingKey: readFileSync(join(iris, "verifying.key")),
  });
  modelId = res.modelId;
  assert.equal(modelId, 1n);
  const m = await client.getModel(modelId);
  assert.equal(m.name, "iris");
  assert.deepEqual(m.price, { denom: "uhyra", amount: "1000" });
  assert.deepEqual((await client.listModels()).map((x) => x.id), [1n]);
  assert.deepEqual((await client.listModels({ owner: owner.address })).map((x) => x.id), [1n]);
  const v = await client.getModelVersion(modelId, 1);
  assert.equal(v.inputSchema?.length, 4);
  assert.equal(v.outputLength, 3);
});

test("a worker registers and bonds (amino JSON)", async () => {
  await worker.registerWorker();
  const bonded = await worker.bond("10000000uhyra");
  assert.equal(bonded.amount, "10000000");
  const status = await worker.getWorkerStatus(worker.address);
  assert.equal(status.registered, true);
  assert.equal(status.canClaim, true, status.reason);
});

test("routeTask (amino JSON), claimBest, submitResult, waitForResult over the websocket", async () => {
  const routed = await client.routeTask({ modelId, input: sample });
  assert.ok(routed.poolCreated);
  const task = await client.getTask(routed.taskId);
  assert.equal(task.status, taskpool.TaskStatus.TASK_STATUS_OPEN);
  assert.equal(task.creator, client.address);
  assert.equal(task.inputEncoding, VectorEncoding.UINT8, "the input went compactly: one byte per element");
  assert.deepEqual(taskInput(task), sample.map(BigInt));
  assert.deepEqual((await client.listTasks({ creator: client.address })).map((t) => t.id), [routed.taskId]);
  assert.deepEqual((await worker.availableTasks({ modelId })).map((t) => t.id), [routed.taskId]);
  assert.equal((await client.getStats()).openTasks, 1n);

  // Polling once a minute: only the websocket event can end the wait within the test's bound.
  const started = Date.now();
  const waiting = client.waitForResult(routed.taskId, { pollIntervalMs: 60_000, timeoutMs: 45_000 });
  await new Promise((r) => setTimeout(r, 1500)); // the subscription is up before the result lands
  const claimed = await worker.claimBest({ modelId });
  assert.equal(claimed.taskId, routed.taskId);
  const { output, proof } = prove(claimed.taskId, sample);
  const paid = await worker.submitResult({ taskId: claimed.taskId, output, proof });
  assert.equal(paid.denom, "uhyra");
  const result = await waiting;
  assert.ok(Date.now() - started < 30_000, "the websocket event ended the wait");
  assert.deepEqual(result.output, output);
  assert.equal(result.argmax, 1);
  assert.equal(result.label, "versicolor");
  assert.equal(result.worker, worker.address);

  assert.equal((await client.getWorker(worker.address)).worker?.totalTasks, 1n);
  assert.ok((await client.listWorkers()).some((w) => w.worker?.address === worker.address));
  assert.equal((await client.getStats()).completedTasks, 1n);
  assert.equal((await client.getModel(modelId)).tasksCompleted, 1n);
});

test("waitForResult falls back to polling when the websocket is unreachable; claimTask by pool", async () => {
  const routed = await client.routeTask({ modelId, input: sample, reward: "1500uhyra", encoding: VectorEncoding.INT64 });
  const task = await client.getTask(routed.taskId);
  assert.equal(task.input.length, 32);
  assert.deepEqual(taskInput(task), sample.map(BigInt));
  const waiting = client.waitForResult(routed.taskId, { websocketUrl: "ws://127.0.0.1:1/websocket", pollIntervalMs: 500, timeoutMs: 60_000 });
  const claimed = await worker.claimTask({ poolId: routed.poolId, taskId: routed.taskId });
  assert.equal(claimed.taskId, routed.taskId);
  assert.ok(claimed.claimExpiry instanceof Date);
  const { output, proof } = prove(routed.taskId, sample);
  await worker.submitResult({ taskId: routed.taskId, output, proof });
  assert.deepEqual((await waiting).output, output);
  assert.equal((await client.getPool(routed.poolId)).modelId, modelId);
});

test("cancelTask refunds; waiting on a cancelled task says so; errors are clear", async () => {
  const routed = await client.routeTask({ modelId, input: sample });
  const refund = await client.cancelTask(routed.taskId);
  assert.deepEqual(refund, { denom: "uhyra", amount: "1000" });
  await assert.rejects(client.waitForResult(routed.taskId, { timeoutMs: 10_000 }), (e: unknown) =>
    e instanceof TaskEndedError && /ended TASK_STATUS_CANCELLED without a result; 1000uhyra was refunded/.test(e.message));

  await assert.rejects(client.routeTask({ modelId, input: [1, 2, 3] }), (e: unknown) =>
    e instanceof HyraTxError && e.action === "route task" && /3 elements, want 4/.test(e.log) && !/message index|gas used/.test(e.log));
  await assert.rejects(client.getTask(9999), (e: unknown) => e instanceof HyraQueryError && /^task 9999: /.test(e.message));
  await assert.rejects(worker.submitResult({ taskId: 9999, output: [1], proof: new Uint8Array([1]) }), HyraTxError);
  await assert.rejects(client.routeTask({ modelId, input: sample, reward: "ten" }), /"ten" is not a coin like "1000uhyra"/);

  const open = await client.routeTask({ modelId, input: sample });
  await assert.rejects(client.waitForResult(open.taskId, { timeoutMs: 1500, pollIntervalMs: 500 }), (e: unknown) =>
    e instanceof TaskWaitError && /TASK_STATUS_OPEN; 1000uhyra stays in escrow until/.test(e.message));
  await client.cancelTask(open.taskId);

  await assert.rejects(HyraQueryClient.connect("http://127.0.0.1:1"), /cannot reach a hyra node at http:\/\/127.0.0.1:1/);
});


