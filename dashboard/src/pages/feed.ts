// The task feed: the latest tasks as the chain holds them, then each step
// (routed, claimed, completed, ...) prepended as the node's events arrive.
import { recentTasks, type Task } from "../api";
import { live, type FeedItem } from "../events";
import { esc, hyra, short, status } from "../format";

const stepWords: Record<string, string> = {
  routed: "submitted", submitted: "submitted", claimed: "claimed", completed: "completed",
  lapsed: "claim lapsed", expired: "expired", cancelled: "cancelled",
};

function itemHTML(i: FeedItem): string {
  let detail = "";
  if (i.step === "routed" || i.step === "submitted") {
    detail = `for model #${esc(i.modelId ?? "?")}${i.reward ? `, paying ${hyra(i.reward)}` : ""}`;
  } else if (i.step === "claimed") {
    detail = `by worker ${esc(short(i.worker ?? ""))}`;
  } else if (i.step === "completed") {
    detail = `proof verified; worker ${esc(short(i.worker ?? ""))} earned ${hyra(i.workerReward)}`;
  } else if (i.step === "lapsed") {
    detail = `worker ${esc(short(i.worker ?? ""))} ran out of time${i.penalized ? " (penalised)" : ""}; the task is open again`;
  } else {
    detail = "the reward went back to its creator";
  }
  return `<li class="new step-${esc(i.step)}" data-task="${esc(i.taskId)}" data-step="${esc(i.step)}">
    <a href="#/task/${esc(i.taskId)}">Task #${esc(i.taskId)}</a>
    <span class="pill ${esc(i.step)}">${esc(stepWords[i.step])}</span>
    <span class="detail">${detail}</span>
    <span class="height">block ${esc(i.height)}</span></li>`;
}

function taskHTML(t: Task): string {
  const who = t.worker ? ` · worker ${esc(short(t.worker))}` : "";
  return `<li data-task="${esc(t.id)}"><a href="#/task/${esc(t.id)}">Task #${esc(t.id)}</a> ${status(t.status)}
    <span class="detail">model #${esc(t.model_id)} · ${hyra(t.reward)}${who}</span></li>`;
}

// feed renders the feed into el and returns what stops it.
export async function feed(el: HTMLElement, limit: number): Promise<() => void> {
  const tasks = await recentTasks(0, limit);
  el.innerHTML = `<ul class="feed">${tasks.map(taskHTML).join("")}</ul>
    ${tasks.length ? "" : `<p class="muted empty">No task yet. New ones appear here as they are submitted.</p>`}`;
  const ul = el.querySelector("ul")!;
  return live.on((items) => {
    if (items.length === 0) return;
    el.querySelector(".empty")?.remove();
    for (const i of items) ul.insertAdjacentHTML("afterbegin", itemHTML(i));
    while (ul.children.length > limit * 3) ul.lastElementChild!.remove();
  });
}
