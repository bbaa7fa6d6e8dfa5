// Every registered model: who owns it, what a task costs, which version
// runs, where its proving key came from, and how much it has been used.
import { modelVersion, models, recentTasks, type Model } from "../api";
import { live } from "../events";
import { esc, hyra, isSet, median, num, seconds, setup, short } from "../format";

// latencies groups the time from submission to verified result of recent
// completed tasks by model: the chain keeps no latency, so the median is
// computed here from the tasks' created_at and completed_at.
async function latencies(): Promise<{ byModel: Map<string, number[]>; sample: number }> {
  const done = await recentTasks(3, 1000);
  const byModel = new Map<string, number[]>();
  for (const t of done) {
    if (!isSet(t.completed_at) || !isSet(t.created_at)) continue;
    const ms = Date.parse(t.completed_at) - Date.parse(t.created_at);
    byModel.set(t.model_id, [...(byModel.get(t.model_id) ?? []), ms]);
  }
  return { byModel, sample: done.length };
}

async function row(m: Model, lat: Map<string, number[]>): Promise<string> {
  let key = "—";
  try {
    const v = await modelVersion(m.id, m.version, true);
    key = setup(v.setup_status, v.setup_contributors, v.setup_independent);
  } catch { /* a model whose current version cannot be read shows a dash */ }
  const versions = m.latest_version && m.latest_version !== m.version
    ? `v${esc(m.version)} (v${esc(m.latest_version)} being set up)` : `v${esc(m.version)}`;
  const l = lat.get(m.id) ?? [];
  return `<tr data-model="${esc(m.id)}">
    <td data-label="Model"><b>${esc(m.name)}</b> <span class="muted">#${esc(m.id)}</span>${m.active ? "" : ` <span class="pill expired">inactive</span>`}
      <div class="muted small">${esc(m.description)}</div></td>
    <td data-label="Owner" title="${esc(m.owner)}">${esc(short(m.owner))}</td>
    <td data-label="Price per task">${hyra(m.price)}</td>
    <td data-label="Version">${versions}</td>
    <td data-label="Proving key">${esc(key)}</td>
    <td data-label="Tasks completed" class="num">${num(m.tasks_completed)}</td>
    <td data-label="Volume paid" class="num">${hyra(m.volume_paid)}</td>
    <td data-label="Median latency" class="num" title="${l.length} recent results">${l.length ? seconds(median(l)) : "—"}</td>
  </tr>`;
}

export async function modelsPage(root: HTMLElement): Promise<() => void> {
  const render = async () => {
    const [list, lat] = await Promise.all([models(), latencies()]);
    const rows = await Promise.all(list.map((m) => row(m, lat.byModel)));
    root.innerHTML = `<h1>Models</h1>
      <p class="lead">Each model is a neural network registered on chain. Its price is the least a task
      must pay; the proving key decides who must be honest for a result to be trusted. Latency is the
      time from paying for a task to its verified result (median of the latest ${num(lat.sample)} results).</p>
      ${list.length ? `<table class="stack"><thead><tr><th>Model</th><th>Owner</th><th>Price per task</th><th>Version</th>
        <th>Proving key</th><th>Tasks completed</th><th>Volume paid</th><th>Median latency</th></tr></thead>
        <tbody>${rows.join("")}</tbody></table>` : `<p class="muted">No model is registered yet.</p>`}`;
  };
  await render();
  let pending = false;
  return live.on((items) => {
    if (pending || !items.some((i) => i.step === "completed")) return;
    pending = true;
    setTimeout(() => { pending = false; render().catch(() => {}); }, 2000);
  });
}
