// Workers ranked: those with the best record first.
import { bond, workers, type WorkerInfo } from "../api";
import { live } from "../events";
import { esc, hyra, num, short } from "../format";

// rank orders by reputation, then verified results, then address (stable).
export function rank(ws: WorkerInfo[]): WorkerInfo[] {
  return [...ws].sort((a, b) =>
    Number(b.reputation) - Number(a.reputation) ||
    Number(b.worker.total_tasks) - Number(a.worker.total_tasks) ||
    a.worker.address.localeCompare(b.worker.address));
}

export async function workersPage(root: HTMLElement): Promise<() => void> {
  const render = async () => {
    const ws = rank(await workers());
    const bonds = await Promise.all(ws.map((w) => bond(w.worker.address)));
    root.innerHTML = `<h1>Workers</h1>
      <p class="lead">Workers lock a bond, claim tasks, compute the model and prove the result. Reputation rises
      with each verified result and falls when a claim lapses (the worker took a task and did not finish
      in time, and part of its bond was taken).</p>
      ${ws.length ? `<table class="stack"><thead><tr><th>#</th><th>Worker</th><th>Reputation</th><th>Bond</th>
        <th>Tasks done</th><th>Earnings</th><th>Lapsed claims</th><th>Status</th></tr></thead><tbody>
        ${ws.map((w, i) => `<tr data-worker="${esc(w.worker.address)}">
          <td data-label="Rank">${i + 1}</td>
          <td data-label="Worker" title="${esc(w.worker.address)}">${esc(short(w.worker.address))}</td>
          <td data-label="Reputation" class="num">${num(w.reputation)}</td>
          <td data-label="Bond" class="num">${hyra(bonds[i])}</td>
          <td data-label="Tasks done" class="num">${num(w.worker.total_tasks)}</td>
          <td data-label="Earnings" class="num">${hyra(w.worker.total_rewards)}</td>
          <td data-label="Lapsed claims" class="num">${w.worker.lapsed_claims === undefined ? "—" : num(w.worker.lapsed_claims)}</td>
          <td data-label="Status">${!w.worker.active ? "inactive"
            : w.worker.active_task_ids?.length ? `computing task ${w.worker.active_task_ids.map((t) => `<a href="#/task/${esc(t)}">#${esc(t)}</a>`).join(", ")}`
            : "ready"}</td></tr>`).join("")}
        </tbody></table>` : `<p class="muted">No worker has registered yet.</p>`}`;
  };
  await render();
  let pending = false;
  return live.on((items) => {
    if (pending || items.length === 0) return;
    pending = true;
    setTimeout(() => { pending = false; render().catch(() => {}); }, 1500);
  });
}
