// One task: what was asked (input), what came back (verified output and its
// label), who did it and was paid what, the proof, and the block of each step.
import { labels, model, modelVersion, task, txsWithEvent, type Coin, type Task, type TxResponse } from "../api";
import { live } from "../events";
import { esc, hyra, seconds, short, status, statusWhy } from "../format";
import { argmax } from "@hyra/client/vector";
import { decode } from "../vector";

// attrs reads a typed event's attributes (JSON values) from a tx response.
function attrs(tx: TxResponse, type: string): Record<string, unknown>[] {
  return tx.events.filter((e) => e.type === type).map((e) => {
    const o: Record<string, unknown> = {};
    for (const a of e.attributes) { try { o[a.key] = JSON.parse(a.value); } catch { o[a.key] = a.value; } }
    return o;
  });
}

// image draws a square input (an 8x8 or 28x28 picture) as grey pixels.
function image(v: number[], max: number): string {
  const side = Math.round(Math.sqrt(v.length));
  if (side * side !== v.length || side < 4 || max <= 0) return "";
  const px = v.map((x, i) => x <= 0 ? "" :
    `<rect x="${i % side}" y="${Math.floor(i / side)}" width="1" height="1" fill-opacity="${Math.min(1, x / max).toFixed(3)}"/>`).join("");
  return `<svg class="pixels" viewBox="0 0 ${side} ${side}" role="img" aria-label="the input as a ${side}×${side} image">${px}</svg>`;
}

const sentence = (s: string) => s ? s[0].toUpperCase() + s.slice(1) + "." : "";

interface Step { what: string; height: string; txhash?: string; who?: string }

async function steps(t: Task): Promise<{ steps: Step[]; split: Record<string, unknown> | null }> {
  const id = t.id;
  const [sub, claims, done] = await Promise.all([
    txsWithEvent("hyra.taskpool.v1.EventTaskSubmitted", "task_id", id),
    txsWithEvent("hyra.taskpool.v1.EventTaskClaimed", "task_id", id),
    txsWithEvent("hyra.taskpool.v1.EventTaskCompleted", "task_id", id),
  ]);
  const out: Step[] = [];
  for (const tx of sub) out.push({ what: "submitted and paid into escrow", height: tx.height, txhash: tx.txhash });
  for (const tx of claims) {
    for (const a of attrs(tx, "hyra.taskpool.v1.EventTaskClaimed")) {
      if (String(a.task_id) === id) out.push({ what: "claimed", height: tx.height, txhash: tx.txhash, who: String(a.worker) });
    }
  }
  let split: Record<string, unknown> | null = null;
  for (const tx of done) {
    out.push({ what: "result proven, verified and paid", height: tx.height, txhash: tx.txhash, who: t.worker });
    split = attrs(tx, "hyra.rewards.v1.EventTaskSettled").find((a) => String(a.task_id) === id) ?? null;
  }
  out.sort((a, b) => Number(a.height) - Number(b.height));
  return { steps: out, split };
}

// render draws the task and returns its status.
async function render(root: HTMLElement, id: string): Promise<string> {
  const t = await task(id);
  const [m, ver, names, hist] = await Promise.all([
    model(t.model_id).catch(() => null),
    modelVersion(t.model_id, t.model_version).catch(() => null),
    labels(t.model_id, t.model_version),
    steps(t),
  ]);
  const input = decode(t.input, t.input_encoding);
  const completed = t.status === "TASK_STATUS_COMPLETED";
  const output = completed ? decode(t.output) : [];
  const best = completed ? argmax(output) : 0;
  const max = ver ? Number(ver.input_schema.max_value) : Math.max(...input);
  const latency = completed ? Date.parse(t.completed_at) - Date.parse(t.created_at) : NaN;
  const split = hist.split;
  const coin = (k: string) => hyra((split?.[k] as Coin) ?? null);

  root.innerHTML = `<h1>Task #${esc(t.id)} ${status(t.status)}</h1>
    <p class="lead">${esc(sentence(statusWhy(t.status)))}</p>
    <dl class="facts">
      <dt>Model</dt><dd><a href="#/models">${esc(m?.name ?? "")} #${esc(t.model_id)}</a>, version ${esc(t.model_version)}</dd>
      <dt>Paid by</dt><dd title="${esc(t.creator)}">${esc(short(t.creator))}</dd>
      <dt>Reward</dt><dd>${hyra(t.reward)}</dd>
      <dt>Worker</dt><dd title="${esc(t.worker)}">${t.worker ? esc(short(t.worker)) : "none yet"}</dd>
      <dt>Submitted</dt><dd>${esc(new Date(t.created_at).toLocaleString())}</dd>
      <dt>Deadline</dt><dd>${esc(new Date(t.deadline).toLocaleString())}</dd>
      ${completed ? `<dt>Verified</dt><dd>${esc(new Date(t.completed_at).toLocaleString())} (${seconds(latency)} after submission)</dd>` : ""}
    </dl>
    <h2>Result</h2>
    ${completed ? `<p class="result">Prediction: <b id="label">${esc(names[best] ?? `class ${best}`)}</b>
        <span class="pill completed">verified</span></p>
      <p class="muted small">The worker's proof shows that this output is what model #${esc(t.model_id)} v${esc(t.model_version)}
      gives on this input; every validator checked it before the worker was paid.</p>
      <p>Output scores: <code id="output">${esc(output.join(", "))}</code>
      (the prediction is the highest, number ${best}${names.length ? ` of ${esc(names.join(", "))}` : ""})</p>`
      : `<p class="muted">No verified result yet${t.status === "TASK_STATUS_OPEN" || t.status === "TASK_STATUS_CLAIMED" ? ": this page updates when it comes" : ""}.</p>`}
    <h2>Input</h2>
    <div class="input">${image(input, max)}<details${input.length <= 16 ? " open" : ""}><summary>${input.length} numbers</summary>
      <code id="input">${esc(input.join(", "))}</code></details></div>
    ${split ? `<h2>Who was paid</h2><dl class="facts" id="split">
      <dt>Worker</dt><dd>${coin("worker_share")}</dd>
      <dt>Model owner</dt><dd>${coin("model_owner_share")}</dd>
      <dt>Community pool</dt><dd>${coin("community_pool_share")}</dd>
      <dt>Worker reward pool</dt><dd>${coin("reward_pool_share")}</dd></dl>` : ""}
    <h2>Steps</h2>
    <ol class="steps" id="steps">${hist.steps.map((s) => `<li><b>${esc(s.what)}</b> at block ${esc(s.height)}
      ${s.who ? `by ${esc(short(s.who))}` : ""} <span class="muted small" title="transaction">${esc((s.txhash ?? "").slice(0, 12))}</span></li>`).join("")}
      ${t.status === "TASK_STATUS_EXPIRED" ? `<li><b>expired</b> at its deadline; the reward was refunded</li>` : ""}</ol>
    ${t.proof ? `<h2>Proof</h2><details><summary>Groth16 proof, ${Math.floor((t.proof.length * 3) / 4)} bytes, bound to this chain,
      this task and this worker</summary><code class="proof">${esc(t.proof)}</code></details>` : ""}`;
  return t.status;
}

// POLL_MS is how often an unfinished task is read again even without an
// event: the stream may be reconnecting, or an event may have come while
// the page was loading.
const POLL_MS = 5000;

export async function taskPage(root: HTMLElement, id: string): Promise<() => void> {
  if (!/^\d+$/.test(id)) throw new Error(`"${id}" is not a task number`);
  let status = "";
  const again = () => render(root, id).then((s) => { status = s; }, () => {});
  const stop = live.on((items) => {
    if (items.some((i) => i.taskId === id)) setTimeout(again, 300);
  });
  status = await render(root, id).catch((e) => { stop(); throw e; });
  const timer = setInterval(() => {
    if (status === "TASK_STATUS_OPEN" || status === "TASK_STATUS_CLAIMED") again();
  }, POLL_MS);
  return () => { stop(); clearInterval(timer); };
}
