// "Try it": pay for one inference from a browser wallet and follow it to its
// verified result. Without a wallet, the page says so and shows the command
// that does the same from a terminal.
import { get, latestBlock, modelVersion, models, post, recentTasks, toBase64, type Coin, type Model, type TxResponse } from "../api";
import { esc, hyra } from "../format";
import { chainInfo, wallet } from "../keplr";
import { authInfo, routeTaskBody, signDoc, txRaw } from "../tx";
import { decode, encodeCompact, parseVector } from "../vector";

const TTL_MS = 10 * 60 * 1000; // as `hyrad client infer`: the task expires and is refunded after 10 min

function command(chainId: string, modelId: string, input: string, reward: string): string {
  return `hyrad client infer --model ${modelId} --input ${input.replace(/\s+/g, "") || "..."} --reward ${reward} --wait \\\n` +
    `  --from YOUR_KEY --chain-id ${chainId} --node tcp://${location.hostname}:26657`;
}

// sampleInput takes the input of the latest task of the model, if any, so
// that the form starts with something the model was actually asked.
async function sampleInput(m: Model): Promise<string> {
  const t = (await recentTasks(0, 100)).find((x) => x.model_id === m.id);
  return t ? decode(t.input, t.input_encoding).join(",") : "";
}

async function minGasPrice(): Promise<number> {
  try {
    const r = await get<{ minimum_gas_price: string }>("/cosmos/base/node/v1beta1/config");
    const m = /^([\d.]+)uhyra/.exec(r.minimum_gas_price ?? "");
    return m ? Number(m[1]) : 0;
  } catch {
    return 0;
  }
}

// submit signs and broadcasts the task with the wallet, waits for its block
// and returns the task id.
async function submit(chainId: string, modelId: string, input: number[], reward: Coin, say: (s: string) => void): Promise<string> {
  const k = wallet()!;
  if (k.experimentalSuggestChain) await k.experimentalSuggestChain(chainInfo(chainId));
  await k.enable(chainId);
  const key = await k.getKey(chainId);
  say(`Signing as ${key.bech32Address}…`);
  const acc = await get<{ account: { account_number: string; sequence: string } }>(
    `/cosmos/auth/v1beta1/accounts/${key.bech32Address}`).catch(() => {
    throw new Error(`the account ${key.bech32Address} does not exist on this chain yet: it needs HYRA first`);
  });
  const compact = encodeCompact(input); // as hyrad client infer sends it: images take a byte a pixel
  const body = routeTaskBody(key.bech32Address, modelId, compact.bytes, compact.encoding, reward, new Date(Date.now() + TTL_MS));
  const sim = await post<{ gas_info: { gas_used: string } }>("/cosmos/tx/v1beta1/simulate", {
    tx_bytes: toBase64(txRaw(body, authInfo(key.pubKey, acc.account.sequence, [], 0), [new Uint8Array()])),
  });
  const gas = Math.ceil(Number(sim.gas_info.gas_used) * 1.5);
  const price = await minGasPrice();
  const fee = price > 0 ? [{ denom: "uhyra", amount: String(Math.ceil(gas * price)) }] : [];
  const auth = authInfo(key.pubKey, acc.account.sequence, fee, gas);
  const signed = await k.signDirect(chainId, key.bech32Address, signDoc(body, auth, chainId, acc.account.account_number));
  const sig = Uint8Array.from(atob(signed.signature.signature), (c) => c.charCodeAt(0));
  const res = await post<{ tx_response: TxResponse }>("/cosmos/tx/v1beta1/txs", {
    tx_bytes: toBase64(txRaw(signed.signed.bodyBytes, signed.signed.authInfoBytes, [sig])), mode: "BROADCAST_MODE_SYNC",
  });
  if (res.tx_response.code !== 0) throw new Error(res.tx_response.raw_log);
  say(`Sent (transaction ${res.tx_response.txhash.slice(0, 12)}…); waiting for its block…`);
  for (let i = 0; i < 60; i++) {
    await new Promise((r) => setTimeout(r, 1000));
    const tx = await get<{ tx_response: TxResponse }>(`/cosmos/tx/v1beta1/txs/${res.tx_response.txhash}`).catch(() => null);
    if (!tx) continue;
    if (tx.tx_response.code !== 0) throw new Error(tx.tx_response.raw_log);
    const ev = tx.tx_response.events.find((e) => e.type === "hyra.router.v1.EventTaskRouted");
    const id = ev?.attributes.find((a) => a.key === "task_id")?.value;
    if (id) return JSON.parse(id);
  }
  throw new Error("the transaction was not in a block within a minute");
}

export async function tryPage(root: HTMLElement): Promise<() => void> {
  const [list, block] = await Promise.all([models(), latestBlock()]);
  const usable = list.filter((m) => m.active);
  const hasWallet = !!wallet();
  root.innerHTML = `<h1>Try it</h1>
    <p class="lead">Pay for one inference: pick a model, give its input, and a worker computes the answer and
    proves it. The page then follows your task to its verified result.</p>
    ${usable.length ? `<form id="try">
      <label>Model <select name="model">${usable.map((m) =>
        `<option value="${esc(m.id)}">${esc(m.name)} (#${esc(m.id)}) · ${hyra(m.price)} per task</option>`).join("")}</select></label>
      <p class="muted small" id="schema"></p>
      <label>Input <textarea name="input" rows="4" placeholder="numbers separated by commas"></textarea></label>
      <label>Reward <input name="reward" inputmode="numeric"> <span class="muted small">uhyra (at least the price)</span></label>
      <button type="submit">${hasWallet ? "Sign with wallet and submit" : "Submit"}</button>
      <div id="wallet" class="${hasWallet ? "ok" : "note"}">${hasWallet ? "A browser wallet was found: it will ask you to approve the payment."
        : `<b>No browser wallet found.</b> To pay from this page, install the Keplr extension and reload.
          Or run this command with <code>hyrad</code> and a funded key; it does the same and waits for the result:`}</div>
      <pre id="command"${hasWallet ? " hidden" : ""}></pre>
      <p id="progress" role="status"></p>
    </form>` : `<p class="muted">No active model yet.</p>`}`;
  const form = root.querySelector<HTMLFormElement>("#try");
  if (!form) return () => {};
  const field = (n: string) => form.elements.namedItem(n) as HTMLInputElement;
  const progress = root.querySelector("#progress")!;
  const update = () => {
    root.querySelector("#command")!.textContent = command(block.chainId, field("model").value, field("input").value, `${field("reward").value}uhyra`);
  };
  const pick = async () => {
    const m = usable.find((x) => x.id === field("model").value)!;
    field("reward").value = m.price.amount;
    const v = await modelVersion(m.id, m.version).catch(() => null);
    if (v) {
      root.querySelector("#schema")!.textContent =
        `${v.input_schema.length} whole numbers from ${v.input_schema.min_value} to ${v.input_schema.max_value}.`;
    }
    field("input").value = await sampleInput(m);
    update();
  };
  field("model").addEventListener("change", () => { pick().catch(() => {}); });
  form.addEventListener("input", update);
  form.addEventListener("submit", async (e) => {
    e.preventDefault();
    if (!wallet()) {
      progress.textContent = "No browser wallet: use the command above.";
      return;
    }
    try {
      const input = parseVector(field("input").value);
      const id = await submit(block.chainId, field("model").value, input,
        { denom: "uhyra", amount: field("reward").value.trim() }, (s) => { progress.textContent = s; });
      location.hash = `#/task/${id}`;
    } catch (err) {
      progress.innerHTML = `<span class="error">Not submitted: ${esc((err as Error).message)}</span>`;
    }
  });
  await pick();
  return () => {};
}
