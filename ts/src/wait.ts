import { TaskEndedError, TaskWaitError } from "./errors";
import type { HyraQueryClient } from "./queries";
import { TaskStatus, type Task } from "./gen/hyra/taskpool/v1/types";

/** The websocket query of the event a verified result emits (x/taskpool's typed EventTaskCompleted). */
export const QUERY_TASK_COMPLETED = "tm.event='Tx' AND hyra.taskpool.v1.EventTaskCompleted.task_id EXISTS";
const ATTR_TASK_ID = "hyra.taskpool.v1.EventTaskCompleted.task_id";

export interface WaitOptions {
  /** Give up after this long (default 5 minutes); the task keeps its escrow until its deadline. */
  timeoutMs?: number;
  /** Poll the task this often whatever the websocket does (default 2 s): events sent while it is down are lost. */
  pollIntervalMs?: number;
  /** Subscribe to the node's websocket to return as soon as the result's block is committed (default true). */
  websocket?: boolean;
  /** The websocket endpoint (default: the RPC URL with ws(s):// and /websocket). */
  websocketUrl?: string;
  signal?: AbortSignal;
}

/** The node's websocket endpoint for an RPC URL: http://h:26657 -> ws://h:26657/websocket. */
export function websocketUrlOf(rpcUrl: string): string {
  const u = new URL(rpcUrl.replace(/^tcp:/, "http:"));
  u.protocol = u.protocol === "https:" ? "wss:" : "ws:";
  u.pathname = u.pathname.replace(/\/$/, "") + "/websocket";
  return u.toString();
}

interface MiniSocket {
  onopen: (() => void) | null;
  onmessage: ((ev: { data: unknown }) => void) | null;
  onerror: (() => void) | null;
  onclose: (() => void) | null;
  send(data: string): void;
  close(): void;
}

function openSocket(url: string): MiniSocket {
  // Browsers (and Node 22+) have WebSocket; elsewhere the ws package does the same job.
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const WS = (globalThis as { WebSocket?: unknown }).WebSocket ?? require("isomorphic-ws");
  return new (WS as new (url: string) => MiniSocket)(url);
}

/**
 * A CometBFT websocket subscription to completed-task events naming taskId. It never throws and
 * never retries on its own (CosmJS's socket reconnects forever, even after disconnect): the waiter
 * reopens it, at most once per poll, when it has closed.
 */
class CompletedSubscription {
  private socket?: MiniSocket;
  private open = false;

  constructor(private readonly url: string, private readonly taskId: bigint, private readonly onEvent: () => void) {}

  ensure(): void {
    if (this.open) return;
    this.close();
    try {
      const s = openSocket(this.url);
      this.socket = s;
      this.open = true;
      s.onopen = () => s.send(JSON.stringify({ jsonrpc: "2.0", id: 1, method: "subscribe", params: { query: QUERY_TASK_COMPLETED } }));
      s.onmessage = (ev) => {
        try {
          const msg = JSON.parse(String(ev.data)) as { result?: { events?: Record<string, string[]> } };
          const ids = msg.result?.events?.[ATTR_TASK_ID] ?? [];
          if (ids.some((v) => v.replace(/"/g, "") === this.taskId.toString())) this.onEvent();
        } catch {
          // not an event
        }
      };
      s.onerror = () => (this.open = false);
      s.onclose = () => (this.open = false);
    } catch {
      this.open = false; // an unusable URL: polling alone
    }
  }

  close(): void {
    const s = this.socket;
    this.socket = undefined;
    this.open = false;
    if (!s) return;
    s.onopen = s.onmessage = s.onerror = s.onclose = null;
    try {
      s.close();
    } catch {
      // already closed
    }
  }
}

/**
 * Waits until a task is COMPLETED and returns it. A websocket subscription makes it return as soon
 * as the completing block is committed; polling makes it return even when the websocket is down.
 * A task that expires or is cancelled throws TaskEndedError; a timeout or abort throws TaskWaitError.
 */
export async function waitForTask(q: HyraQueryClient, taskId: bigint | number, opts: WaitOptions = {}): Promise<Task> {
  const id = BigInt(taskId);
  const timeoutMs = opts.timeoutMs ?? 300_000;
  const pollMs = opts.pollIntervalMs ?? 2_000;
  const until = Date.now() + timeoutMs;
  // An event that arrives while the task is being read is kept in `signalled`, not lost.
  let signalled = false;
  let wake: () => void = () => undefined;
  const onEvent = () => {
    signalled = true;
    wake();
  };
  const sub = opts.websocket === false ? undefined : new CompletedSubscription(opts.websocketUrl ?? websocketUrlOf(q.rpcUrl), id, onEvent);
  let last: Task | undefined;
  try {
    for (;;) {
      sub?.ensure();
      try {
        last = await q.getTask(id);
        switch (last.status) {
          case TaskStatus.TASK_STATUS_COMPLETED:
            return last;
          case TaskStatus.TASK_STATUS_EXPIRED:
          case TaskStatus.TASK_STATUS_CANCELLED:
          case TaskStatus.TASK_STATUS_REFUND_PENDING:
            throw new TaskEndedError(last);
        }
      } catch (e) {
        if (e instanceof TaskEndedError) throw e;
        // A query error (node restarting): keep waiting, polling again.
      }
      if (opts.signal?.aborted) throw new TaskWaitError(id, "aborted", last);
      const left = until - Date.now();
      if (left <= 0) throw new TaskWaitError(id, `timed out after ${timeoutMs} ms`, last);
      if (signalled) {
        signalled = false;
        continue;
      }
      await new Promise<void>((resolve) => {
        const timer = setTimeout(done, Math.min(pollMs, left));
        opts.signal?.addEventListener("abort", done, { once: true });
        wake = done;
        function done() {
          clearTimeout(timer);
          opts.signal?.removeEventListener("abort", done);
          wake = () => undefined;
          signalled = false;
          resolve();
        }
      });
    }
  } finally {
    sub?.close();
  }
}
