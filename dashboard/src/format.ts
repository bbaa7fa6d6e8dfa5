// Turns chain values into words and numbers a newcomer can read.
import type { Coin } from "./api";

export const DENOM = "uhyra";

// esc makes text safe to put in HTML.
export function esc(s: unknown): string {
  return String(s ?? "").replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

// hyra shows an amount of uhyra as HYRA (1 HYRA = 1,000,000 uhyra), exact.
export function hyra(c: Coin | Coin[] | null | undefined): string {
  const coins = Array.isArray(c) ? c : c ? [c] : [];
  if (coins.length === 0) return "0 HYRA";
  return coins.map((x) => {
    if (x.denom !== DENOM) return `${x.amount} ${x.denom}`;
    const n = BigInt(x.amount || "0");
    const whole = n / 1000000n;
    const frac = (n % 1000000n).toString().padStart(6, "0").replace(/0+$/, "");
    return `${whole.toLocaleString("en-US")}${frac ? "." + frac : ""} HYRA`;
  }).join(" + ");
}

export const num = (s: string | number | undefined) => Number(s ?? 0).toLocaleString("en-US");

export function short(addr: string): string {
  return addr && addr.length > 20 ? `${addr.slice(0, 10)}…${addr.slice(-6)}` : addr || "—";
}

// seconds shows a duration in milliseconds as seconds or minutes.
export function seconds(ms: number): string {
  if (!isFinite(ms)) return "—";
  if (ms < 60000) return `${(ms / 1000).toFixed(1)} s`;
  return `${(ms / 60000).toFixed(1)} min`;
}

export function ago(iso: string): string {
  const t = Date.parse(iso);
  if (!t || t < 0) return "—";
  const s = Math.max(0, Math.round((Date.now() - t) / 1000));
  if (s < 60) return `${s} s ago`;
  if (s < 3600) return `${Math.round(s / 60)} min ago`;
  return `${Math.round(s / 3600)} h ago`;
}

// isSet tells whether a protobuf timestamp holds a time (the zero time is
// 0001-01-01).
export const isSet = (iso: string) => !!iso && !iso.startsWith("0001-");

const statusWords: Record<string, [string, string]> = {
  TASK_STATUS_OPEN: ["waiting", "waiting for a worker"],
  TASK_STATUS_CLAIMED: ["claimed", "a worker is computing it"],
  TASK_STATUS_COMPLETED: ["completed", "result proven and verified; worker paid"],
  TASK_STATUS_CANCELLED: ["cancelled", "withdrawn by its creator and refunded"],
  TASK_STATUS_EXPIRED: ["expired", "nobody finished it in time; refunded"],
  TASK_STATUS_REFUND_PENDING: ["refund pending", "expired; its refund waits for a retry"],
};

export function status(s: string): string {
  const [word, why] = statusWords[s] ?? [s, ""];
  return `<span class="pill ${esc(word.split(" ")[0])}" title="${esc(why)}">${esc(word)}</span>`;
}

export const statusWhy = (s: string) => statusWords[s]?.[1] ?? "";

const setupWords: Record<string, string> = {
  SETUP_STATUS_PENDING: "key setup not finished: takes no tasks yet",
  SETUP_STATUS_CEREMONY: "key from a multi-party ceremony",
  SETUP_STATUS_SINGLE_PARTY: "key made by one party (who could forge results)",
  SETUP_STATUS_RETIRED: "retired: takes no new tasks",
};

export function setup(s: string, contributors: number, independent: number): string {
  let text = setupWords[s] ?? s;
  if (s === "SETUP_STATUS_CEREMONY") text += ` (${contributors} contributors, ${independent} independent)`;
  return text;
}

export function median(xs: number[]): number {
  if (xs.length === 0) return NaN;
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
}
