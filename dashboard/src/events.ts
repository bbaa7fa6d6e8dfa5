// The live stream: /dashboard/events relays this node's CometBFT events
// (every transaction and block) over a same-origin websocket; this turns
// them into feed items that pages listen to. It reconnects by itself.
import type { Coin } from "./api";

export interface Message {
  kind: "tx" | "block";
  height: number;
  txhash?: string;
  events: { type: string; attributes: Record<string, unknown> }[];
}

export type Step = "routed" | "submitted" | "claimed" | "completed" | "lapsed" | "expired" | "cancelled";

export interface FeedItem {
  taskId: string;
  step: Step;
  height: number;
  worker?: string;
  modelId?: string;
  reward?: Coin;
  workerReward?: Coin;
  penalized?: boolean;
}

const steps: Record<string, Step> = {
  "hyra.router.v1.EventTaskRouted": "routed",
  "hyra.taskpool.v1.EventTaskSubmitted": "submitted",
  "hyra.taskpool.v1.EventTaskClaimed": "claimed",
  "hyra.taskpool.v1.EventTaskCompleted": "completed",
  "hyra.taskpool.v1.EventClaimExpired": "lapsed",
  "hyra.taskpool.v1.EventTaskExpired": "expired",
  "hyra.taskpool.v1.EventTaskCancelled": "cancelled",
};

// feedItems reads the task steps out of one message. A routed task emits
// both EventTaskRouted and EventTaskSubmitted: they make one "routed" item.
export function feedItems(msg: Message): FeedItem[] {
  const items: FeedItem[] = [];
  const byTask = new Map<string, FeedItem>();
  for (const e of msg.events) {
    const step = steps[e.type];
    if (!step) continue;
    const a = e.attributes;
    const taskId = String(a.task_id ?? "");
    const key = `${taskId}/${step === "submitted" ? "routed" : step}`;
    let item = byTask.get(key) ?? byTask.get(`${taskId}/submitted`);
    if (!item) {
      item = { taskId, step, height: msg.height };
      byTask.set(key, item);
      items.push(item);
    }
    if (step === "routed") item.step = "routed";
    if (a.model_id !== undefined) item.modelId = String(a.model_id);
    if (typeof a.worker === "string") item.worker = a.worker;
    if (a.reward && typeof a.reward === "object") item.reward = a.reward as Coin;
    if (a.worker_reward && typeof a.worker_reward === "object") item.workerReward = a.worker_reward as Coin;
    if (typeof a.penalized === "boolean") item.penalized = a.penalized;
  }
  return items;
}

type Listener = (items: FeedItem[], msg: Message) => void;
type StateListener = (state: "live" | "connecting" | "offline") => void;

class LiveStream {
  height = 0;
  state: "live" | "connecting" | "offline" = "connecting";
  private listeners = new Set<Listener>();
  private stateListeners = new Set<StateListener>();
  private retry = 1000;

  start(): void {
    const proto = location.protocol === "https:" ? "wss:" : "ws:";
    const ws = new WebSocket(`${proto}//${location.host}/dashboard/events`);
    ws.onopen = () => { this.retry = 1000; this.setState("live"); };
    ws.onmessage = (ev) => {
      let msg: Message;
      try { msg = JSON.parse(String(ev.data)); } catch { return; }
      if (msg.height > this.height) this.height = msg.height;
      const items = feedItems(msg);
      this.listeners.forEach((l) => l(items, msg));
    };
    ws.onclose = () => {
      this.setState("offline");
      setTimeout(() => { this.setState("connecting"); this.start(); }, this.retry);
      this.retry = Math.min(this.retry * 2, 15000);
    };
  }

  on(l: Listener): () => void {
    this.listeners.add(l);
    return () => this.listeners.delete(l);
  }

  onState(l: StateListener): void {
    this.stateListeners.add(l);
    l(this.state);
  }

  private setState(s: "live" | "connecting" | "offline"): void {
    this.state = s;
    this.stateListeners.forEach((l) => l(s));
  }
}

export const live = new LiveStream();
