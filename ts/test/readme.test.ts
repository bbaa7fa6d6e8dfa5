// The README's example, as a user runs it: the package installed from this folder into a new
// project, the example compiled there with tsc (strict) and run against a real chain where
// `hyrad worker start` serves the model. It must stay under 30 lines.
import { after, before, test } from "node:test";
import assert from "node:assert/strict";
import { execFileSync } from "node:child_process";
import { createHash } from "node:crypto";
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { DirectSecp256k1HdWallet, HyraClient } from "../src";
import { repo, startDevnet, type Devnet } from "./devnet";

const mnemonics = {
  owner: "invite evil smooth wise suggest slush shaft magnet million teach ensure orbit umbrella public season radio judge pumpkin sport estate wolf explain unit lake",
  client: "property invite reduce panther eagle shoe empower heavy tool wonder junior stand drum little pumpkin imitate news real wink core describe goose way talent",
  daemon: "moon wild destroy tail bench holiday spring slot loud board grape theme unhappy damp awful load pumpkin frog wise allow lava tortoise below door",
};
const pkg = resolve(__dirname, "../..");
const iris = join(repo, "zk", "models", "iris");

let net: Devnet;
const work = mkdtempSync(join(tmpdir(), "hyra-ts-readme-"));

/** The README's example: the ts block after the "example:" marker. */
function readmeExample(): string {
  const readme = readFileSync(join(pkg, "README.md"), "utf8");
  const m = /<!-- example:[^>]*-->\n```ts\n([\s\S]*?)```/.exec(readme);
  assert.ok(m, "README.md has no example block");
  return m[1]!;
}

before(async () => {
  net = await startDevnet(mnemonics);
  const owner = await HyraClient.connectWithSigner(net.rpcUrl, await DirectSecp256k1HdWallet.fromMnemonic(mnemonics.owner, { prefix: "hyra" }));
  const artifact = readFileSync(join(iris, "artifact.json"));
  const { modelId } = await owner.registerModel({ name: "iris", description: "iris species", price: "1000uhyra", artifact, verifyingKey: readFileSync(join(iris, "verifying.key")) });
  assert.equal(modelId, 1n);
  owner.disconnect();

  // The worker daemon finds proving keys at KEYS_DIR/<artifact sha256>/proving.key.
  const keys = join(work, "keys", createHash("sha256").update(artifact).digest("hex"));
  mkdirSync(keys, { recursive: true });
  writeFileSync(join(keys, "proving.key"), readFileSync(join(iris, "proving.key")));
  const worker = net.daemon(["worker", "start", "--from", "daemon", "--keys-dir", join(work, "keys"), "--poll-interval", "1s"]);
  const until = Date.now() + 60_000;
  while (!worker.log().includes("bonded")) {
    if (Date.now() > until || worker.proc.exitCode !== null) throw new Error(`the worker did not start:\n${worker.log()}`);
    await new Promise((r) => setTimeout(r, 300));
  }
});

after(async () => {
  await net?.stop();
  rmSync(work, { recursive: true, force: true });
});

test("the README example buys a verified inference in under 30 lines", () => {
  const example = readmeExample();
  assert.ok(example.trimEnd().split("\n").length < 30, "the example is under 30 lines");

  const app = join(work, "app");
  mkdirSync(app);
  writeFileSync(join(app, "package.json"), JSON.stringify({ name: "app", version: "1.0.0", private: true }));
  execFileSync("npm", ["install", "--no-audit", "--no-fund", "--prefer-offline", pkg], { cwd: app, stdio: "pipe" });
  writeFileSync(join(app, "example.ts"), example);
  const tsc = join(pkg, "node_modules", ".bin", "tsc");
  execFileSync(tsc, ["--strict", "--target", "es2022", "--module", "commonjs", "--moduleResolution", "node", "--esModuleInterop",
    "--skipLibCheck", "--typeRoots", join(pkg, "node_modules", "@types"), "--types", "node", "example.ts"], { cwd: app, stdio: "pipe" });

  const out = execFileSync("node", ["example.js"], {
    cwd: app, encoding: "utf8", timeout: 150_000,
    env: { ...process.env, HYRA_RPC: net.rpcUrl, HYRA_MNEMONIC: mnemonics.client },
  });
  assert.match(out, /^task 1: versicolor \(class 1, output -5741,2546,-2019\)$/m);
  assert.match(out, /^proven by hyra1\w+, verified by the chain at \d{4}-/m);
});
