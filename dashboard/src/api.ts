// Reads the node's REST routes (same origin as the page). Every figure the
// dashboard shows comes from these, the event stream (events.ts) or both.

export interface Coin { denom: string; amount: string }

export interface Stats {
  open_tasks: string; claimed_tasks: string; completed_tasks: string;
  active_pools: string; active_workers: string; volume_paid: Coin[];
}

export interface Model {
  id: string; owner: string; name: string; description: string; price: Coin;
  active: boolean; version: string; latest_version: string;
  tasks_completed: string; volume_paid: Coin[];
}

export interface ModelVersion {
  model_id: string; version: string; artifact: string; setup_status: string;
  setup_contributors: number; setup_independent: number;
  input_schema: { length: number; min_value: string; max_value: string };
  output_length: number;
}

export interface Task {
  id: string; pool_id: string; model_id: string; model_version: string; creator: string;
  input: string; input_encoding?: string; reward: Coin; deadline: string; status: string;
  worker: string; output: string; proof: string; completed_at: string; created_at: string;
}

export interface WorkerInfo {
  worker: {
    address: string; total_tasks: string; total_rewards: Coin[]; active: boolean;
    active_task_ids: string[]; registered_height: string; lapsed_claims?: string;
  };
  reputation: string;
}

export interface TxEvent { type: string; attributes: { key: string; value: string }[] }
export interface TxResponse { height: string; txhash: string; code: number; raw_log: string; timestamp: string; events: TxEvent[] }

export async function get<T>(path: string): Promise<T> {
  const r = await fetch(path, { headers: { Accept: "application/json" } });
  if (!r.ok) throw new Error(`${path}: ${r.status} ${(await r.text()).slice(0, 200)}`);
  return r.json() as Promise<T>;
}

export async function post<T>(path: string, body: unknown): Promise<T> {
  const r = await fetch(path, { method: "POST", headers: { "Content-Type": "application/json" }, body: JSON.stringify(body) });
  const text = await r.text();
  if (!r.ok) throw new Error(`${path}: ${r.status} ${text.slice(0, 300)}`);
  return JSON.parse(text) as T;
}

export const stats = () => get<Stats>("/hyra/router/v1/stats");

// countTasks counts the tasks in one status through the status index.
export async function countTasks(status: number): Promise<number> {
  const r = await get<{ pagination: { total: string } }>(
    `/hyra/taskpool/v1/tasks?status=${status}&pagination.limit=1&pagination.count_total=true`);
  return Number(r.pagination?.total ?? 0);
}

// recentTasks pages backwards (newest first) through the tasks, of one status
// if status is non-zero, up to max of them.
export async function recentTasks(status: number, max: number): Promise<Task[]> {
  const out: Task[] = [];
  let key = "";
  while (out.length < max) {
    const limit = Math.min(500, max - out.length);
    let path = `/hyra/taskpool/v1/tasks?pagination.reverse=true&pagination.limit=${limit}`;
    if (status) path += `&status=${status}`;
    if (key) path += `&pagination.key=${encodeURIComponent(key)}`;
    const r = await get<{ tasks: Task[]; pagination: { next_key: string | null } }>(path);
    out.push(...r.tasks);
    if (!r.pagination?.next_key) break;
    key = r.pagination.next_key;
  }
  return out;
}

export async function latestBlock(): Promise<{ height: number; time: string; chainId: string }> {
  const r = await get<{ block: { header: { height: string; time: string; chain_id: string } } }>(
    "/cosmos/base/tendermint/v1beta1/blocks/latest");
  return { height: Number(r.block.header.height), time: r.block.header.time, chainId: r.block.header.chain_id };
}

export async function models(): Promise<Model[]> {
  const r = await get<{ models: Model[] }>("/hyra/modelregistry/v1/models?pagination.limit=200");
  return r.models;
}

export const model = (id: string) => get<{ model: Model }>(`/hyra/modelregistry/v1/models/${id}`).then((r) => r.model);

const versions = new Map<string, Promise<ModelVersion>>();

// modelVersion is cached per page load: a version never changes but for its
// setup status, which the models page reads afresh (fresh = true).
export function modelVersion(id: string, version: string, fresh = false): Promise<ModelVersion> {
  const k = `${id}/${version}`;
  if (fresh || !versions.has(k)) {
    const p = get<{ model_version: ModelVersion }>(`/hyra/modelregistry/v1/models/${id}/versions/${version}`)
      .then((r) => r.model_version);
    p.catch(() => versions.delete(k));
    versions.set(k, p);
  }
  return versions.get(k)!;
}

// labels returns the class names of a model version's output, from its
// artifact (hyra-qnn JSON: output.labels), or [] if it names none.
export async function labels(id: string, version: string): Promise<string[]> {
  try {
    const v = await modelVersion(id, version);
    const art = JSON.parse(new TextDecoder().decode(fromBase64(v.artifact)));
    return Array.isArray(art?.output?.labels) ? art.output.labels : [];
  } catch {
    return [];
  }
}

export const task = (id: string) => get<{ task: Task }>(`/hyra/taskpool/v1/tasks/${id}`).then((r) => r.task);

export async function workers(): Promise<WorkerInfo[]> {
  const r = await get<{ workers: WorkerInfo[] }>("/hyra/taskpool/v1/workers?pagination.limit=500");
  return r.workers;
}

export async function bond(worker: string): Promise<Coin | null> {
  try {
    const r = await get<{ bond: { bonded: Coin } }>(`/hyra/rewards/v1/workers/${worker}/bond`);
    return r.bond?.bonded ?? null;
  } catch {
    return null;
  }
}

export interface RewardParams { worker_share_bps: number; model_owner_share_bps: number; reward_pool_share_bps: number }
export const rewardParams = () => get<{ params: RewardParams }>("/hyra/rewards/v1/params").then((r) => r.params);

// txsWithEvent finds the transactions that emitted a typed event whose
// attribute equals value (typed event attributes hold JSON: "5" for 5).
export async function txsWithEvent(event: string, attr: string, value: string): Promise<TxResponse[]> {
  const q = encodeURIComponent(`${event}.${attr}='${JSON.stringify(value)}'`);
  const r = await get<{ tx_responses: TxResponse[] | null }>(
    `/cosmos/tx/v1beta1/txs?query=${q}&order_by=ORDER_BY_ASC&limit=20`);
  return r.tx_responses ?? [];
}

export function fromBase64(s: string): Uint8Array {
  const bin = atob(s || "");
  const out = new Uint8Array(bin.length);
  for (let i = 0; i < bin.length; i++) out[i] = bin.charCodeAt(i);
  return out;
}

export function toBase64(b: Uint8Array): string {
  let s = "";
  for (const x of b) s += String.fromCharCode(x);
  return btoa(s);
}
