// The dashboard's shell: header, navigation and a hash router (#/models,
// #/task/5, ...), so every page has a link and the server serves one file.
import { live } from "./events";
import { esc, num } from "./format";
import { overview } from "./pages/overview";
import { modelsPage } from "./pages/models";
import { livePage } from "./pages/live";
import { taskPage } from "./pages/task";
import { workersPage } from "./pages/workers";
import { tryPage } from "./pages/try";

// A page renders into root and returns what stops its updates.
export type Page = (root: HTMLElement, arg: string) => Promise<() => void>;

const routes: Record<string, Page> = {
  "": overview, models: modelsPage, live: livePage, task: taskPage, workers: workersPage, try: tryPage,
};

let stop: () => void = () => {};
let generation = 0;

async function route(): Promise<void> {
  const [name = "", arg = ""] = location.hash.replace(/^#\/?/, "").split("/");
  const page = routes[name] ?? overview;
  document.querySelectorAll("nav a").forEach((a) =>
    a.classList.toggle("here", a.getAttribute("href") === `#/${name === "task" ? "live" : name}`));
  stop();
  stop = () => {};
  const gen = ++generation;
  const root = document.getElementById("page")!;
  root.innerHTML = `<p class="muted">Loading…</p>`;
  try {
    const s = await page(root, decodeURIComponent(arg));
    if (gen === generation) stop = s; else s();
  } catch (e) {
    if (gen === generation) {
      root.innerHTML = `<div class="error">Could not load this page from the node: ${esc((e as Error).message)}</div>`;
    }
  }
  window.scrollTo(0, 0);
}

function header(): void {
  const dot = document.getElementById("live")!;
  live.onState((s) => {
    dot.className = `live ${s}`;
    dot.textContent = s === "live" ? (live.height ? `block ${num(live.height)}` : "live") : "reconnecting…";
    dot.title = s === "live" ? "receiving new blocks as they are made" : "reconnecting to the node";
  });
  live.on(() => {
    dot.textContent = `block ${num(live.height)}`;
  });
}

window.addEventListener("hashchange", route);
header();
live.start();
route();
