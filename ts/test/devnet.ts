// A real single-validator hyrad chain for the tests, started the way tests/e2e does it: a temporary
// home, free loopback ports, timeout_commit 1 s, single-party verifying keys allowed, and accounts
// recovered from the tests' own mnemonics.
import { execFileSync, spawn, type ChildProcess } from "node:child_process";
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { createServer } from "node:net";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";

/** The repository root (tests run from ts/.test-build/test). */
export const repo = resolve(__dirname, "../../..");

/** The binary under test: $HYRAD, or build/hyrad (make build). */
export const hyrad = process.env.HYRAD ?? join(repo, "build", "hyrad");

export const chainId = "hyra-ts-1";

export async function freePort(): Promise<number> {
  return new Promise((ok, fail) => {
    const srv = createServer();
    srv.once("error", fail);
    srv.listen(0, "127.0.0.1", () => {
      const port = (srv.address() as { port: number }).port;
      srv.close(() => ok(port));
    });
  });
}

export interface Devnet {
  home: string;
  rpcUrl: string;
  /** Runs a hyrad command against the home; returns stdout. */
  run(args: string[], input?: string): string;
  /** Starts a long-running hyrad command (the worker daemon); stopped by stop(). */
  daemon(args: string[]): { log(): string; proc: ChildProcess };
  log(): string;
  stop(): Promise<void>;
}

function setTOML(path: string, section: string, key: string, value: string) {
  const lines = readFileSync(path, "utf8").split("\n");
  let current = "";
  let done = false;
  const out = lines.map((l) => {
    const s = /^\[([^\]]+)\]/.exec(l);
    if (s) current = s[1]!;
    if (!done && current === section && new RegExp(`^${key}\\s*=`).test(l)) {
      done = true;
      return `${key} = ${value}`;
    }
    return l;
  });
  if (!done) throw new Error(`${path}: no ${key} in [${section}]`);
  writeFileSync(path, out.join("\n"));
}

export async function startDevnet(accounts: Record<string, string>): Promise<Devnet> {
  if (!existsSync(hyrad)) throw new Error(`${hyrad} not found: run make build, or set HYRAD`);
  const home = mkdtempSync(join(tmpdir(), "hyra-ts-"));
  const run = (args: string[], input?: string) =>
    execFileSync(hyrad, [...args, "--home", home], { input, encoding: "utf8", stdio: ["pipe", "pipe", "pipe"], timeout: 120_000 });
  const kr = ["--keyring-backend", "test"];

  run(["init", "ts-test", "--chain-id", chainId]);
  const genesisPath = join(home, "config", "genesis.json");
  const genesis = JSON.parse(readFileSync(genesisPath, "utf8"));
  genesis.app_state.modelregistry.params.allow_single_party_keys = true;
  writeFileSync(genesisPath, JSON.stringify(genesis, null, 2));

  run(["keys", "add", "validator", ...kr]);
  run(["genesis", "add-genesis-account", "validator", "1000000000000uhyra", ...kr]);
  for (const [name, mnemonic] of Object.entries(accounts)) {
    run(["keys", "add", name, "--recover", ...kr], mnemonic + "\n");
    run(["genesis", "add-genesis-account", name, "1000000000000uhyra", ...kr]);
  }
  run(["genesis", "gentx", "validator", "100000000000uhyra", "--chain-id", chainId, ...kr]);
  run(["genesis", "collect-gentxs"]);
  run(["genesis", "validate"]);

  const [rpc, p2p, grpc] = [await freePort(), await freePort(), await freePort()];
  const config = join(home, "config", "config.toml");
  setTOML(config, "consensus", "timeout_commit", '"1s"');
  setTOML(config, "rpc", "pprof_laddr", '""'); // the default 6060 would be shared with other nodes
  const rpcUrl = `http://127.0.0.1:${rpc}`;
  run(["config", "set", "client", "node", `tcp://127.0.0.1:${rpc}`]);
  run(["config", "set", "client", "keyring-backend", "test"]);

  let nodeLog = "";
  const children: ChildProcess[] = [];
  const node = spawn(hyrad, ["start", "--home", home, "--rpc.laddr", `tcp://127.0.0.1:${rpc}`,
    "--p2p.laddr", `tcp://127.0.0.1:${p2p}`, "--grpc.address", `127.0.0.1:${grpc}`], { stdio: ["ignore", "pipe", "pipe"] });
  children.push(node);
  const keep = (s: string, chunk: Buffer) => (s + chunk.toString()).slice(-20_000);
  node.stdout!.on("data", (c: Buffer) => (nodeLog = keep(nodeLog, c)));
  node.stderr!.on("data", (c: Buffer) => (nodeLog = keep(nodeLog, c)));

  const stop = async () => {
    for (const c of children.reverse()) {
      if (c.exitCode !== null || c.signalCode !== null) continue;
      const exited = new Promise((ok) => c.once("exit", ok));
      c.kill("SIGINT");
      const timer = setTimeout(() => c.kill("SIGKILL"), 20_000);
      await exited;
      clearTimeout(timer);
    }
    rmSync(home, { recursive: true, force: true });
  };

  // Wait for block 2: the chain is producing blocks and its RPC answers.
  const until = Date.now() + 90_000;
  for (;;) {
    try {
      const st = (await (await fetch(`${rpcUrl}/status`)).json()) as { result: { sync_info: { latest_block_height: string } } };
      if (Number(st.result.sync_info.latest_block_height) >= 2) break;
    } catch {
      // not up yet
    }
    if (node.exitCode !== null || Date.now() > until) {
      await stop();
      throw new Error(`hyrad did not produce blocks:\n${nodeLog}`);
    }
    await new Promise((r) => setTimeout(r, 300));
  }

  return {
    home,
    rpcUrl,
    run,
    daemon(args) {
      let out = "";
      const proc = spawn(hyrad, [...args, "--home", home], { stdio: ["ignore", "pipe", "pipe"] });
      proc.stdout!.on("data", (c: Buffer) => (out = keep(out, c)));
      proc.stderr!.on("data", (c: Buffer) => (out = keep(out, c)));
      children.push(proc);
      return { log: () => out, proc };
    },
    log: () => nodeLog,
    stop,
  };
}
