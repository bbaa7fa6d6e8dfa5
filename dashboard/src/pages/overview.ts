// The network at a glance: tasks by status, money paid, who is active, the
// chain's height, and how many results were verified per minute lately.
import { countTasks, latestBlock, recentTasks, stats } from "../api";
import { live } from "../events";
import { hyra, isSet, num } from "../format";
import { chart, perMinute } from "./chart";
import { feed } from "./feed";

const card = (id: string, label: string, hint: string) =>
  `<div class="card"><div class="value" id="${id}">…</div><div class="label">${label}</div><div class="hint">${hint}</div></div>`;

export async function overview(root: HTMLElement): Promise<() => void> {
  root.innerHTML = `<h1>Network</h1>
    <p class="lead">People pay HYRA to run AI models on this network. Workers compute each answer and
    prove it is correct; every validator checks the proof before the worker is paid.</p>
    <section class="cards">
      ${card("open", "waiting for a worker", "open tasks")}
      ${card("claimed", "being computed", "claimed by a worker")}
      ${card("completed", "completed", "results proven and verified")}
      ${card("expired", "expired", "not done in time; refunded")}
      ${card("volume", "paid for results", "total of completed tasks' rewards")}
      ${card("pools", "active task pools", "queues of tasks, one or more per model")}
      ${card("workers", "active workers", "machines that compute and prove")}
      ${card("height", "blocks", "the chain's height; a block about every second")}
    </section>
    <h2>Results verified per minute</h2><div id="chart"><p class="muted">Loading…</p></div>
    <h2>Latest tasks <a class="more" href="#/live">all</a></h2><div id="feed"></div>`;
  const set = (id: string, v: string) => { const el = root.querySelector(`#${id}`); if (el) el.textContent = v; };

  const refresh = async () => {
    const [s, expired, block] = await Promise.all([stats(), countTasks(5), latestBlock()]);
    set("open", num(s.open_tasks));
    set("claimed", num(s.claimed_tasks));
    set("completed", num(s.completed_tasks));
    set("expired", num(expired));
    set("volume", hyra(s.volume_paid));
    set("pools", num(s.active_pools));
    set("workers", num(s.active_workers));
    set("height", num(Math.max(block.height, live.height)));
  };
  const refreshChart = async () => {
    const done = await recentTasks(3, 2000);
    const times = done.filter((t) => isSet(t.completed_at)).map((t) => Date.parse(t.completed_at));
    const el = root.querySelector("#chart");
    if (el) el.innerHTML = chart(perMinute(times, Date.now())) +
      (done.length >= 2000 ? `<p class="muted">From the latest 2,000 results.</p>` : "");
  };
  await refresh();
  await refreshChart();
  const stopFeed = await feed(root.querySelector("#feed") as HTMLElement, 8);

  let pending = false;
  const stopLive = live.on((items) => {
    set("height", num(live.height));
    if (items.length === 0 || pending) return;
    pending = true; // at most one refresh a second, however busy the chain
    setTimeout(() => {
      pending = false;
      refresh().catch(() => {});
      if (items.some((i) => i.step === "completed")) refreshChart().catch(() => {});
    }, 1000);
  });
  const timer = setInterval(() => { refreshChart().catch(() => {}); }, 60000);
  return () => { stopFeed(); stopLive(); clearInterval(timer); };
}
