import { createProtobufRpcClient, QueryClient, StargateClient } from "@cosmjs/stargate";
import { connectComet, type CometClient } from "@cosmjs/tendermint-rpc";
import { QueryClientImpl as ModelQuery } from "./gen/hyra/modelregistry/v1/query";
import type { Model, ModelVersion } from "./gen/hyra/modelregistry/v1/types";
import { QueryClientImpl as RewardsQuery } from "./gen/hyra/rewards/v1/query";
import { QueryClientImpl as RouterQuery, type QueryGlobalStatsResponse, type QueryWorkerStatusResponse } from "./gen/hyra/router/v1/query";
import { QueryClientImpl as TaskpoolQuery, type WorkerInfo } from "./gen/hyra/taskpool/v1/query";
import { TaskStatus, type Pool, type Task } from "./gen/hyra/taskpool/v1/types";
import type { PageRequest } from "./gen/cosmos/base/query/v1beta1/pagination";
import { argmax, decodeVector } from "./vector";

/** A verified result: the output the chain checked the proof of, decoded, and what it predicts. */
export interface TaskResult {
  taskId: bigint;
  modelId: bigint;
  modelVersion: bigint;
  worker: string;
  /** The output vector (results are INT64-encoded). */
  output: bigint[];
  /** The index of the largest output: a classifier's class. */
  argmax: number;
  /** The class label from the model's artifact, when it names its outputs. */
  label?: string;
  proof: Uint8Array;
  completedAt: Date | undefined;
}

/** A query the chain answered with an error (not found, invalid argument, ...). */
export class HyraQueryError extends Error {
  override name = "HyraQueryError";
}

async function ask<T>(what: string, p: Promise<T>): Promise<T> {
  try {
    return await p;
  } catch (e) {
    const msg = e instanceof Error ? e.message : String(e);
    // CosmJS reports "Query failed with (N): rpc error: code = X desc = WHY"; keep WHY.
    const desc = /desc = (.*)$/s.exec(msg)?.[1] ?? msg;
    throw new HyraQueryError(`${what}: ${desc}`);
  }
}

function page(limit?: number): PageRequest {
  return { key: new Uint8Array(), offset: 0n, limit: BigInt(limit ?? 100), countTotal: false, reverse: false };
}

/** Read-only access to a hyra node over CometBFT RPC: models, tasks, results, workers, stats. */
export class HyraQueryClient {
  /** The generated query clients of each module, for queries the helpers do not cover. */
  readonly modelregistry: ModelQuery;
  readonly taskpool: TaskpoolQuery;
  readonly router: RouterQuery;
  readonly rewards: RewardsQuery;
  /** CosmJS's client for the SDK's own queries (balances, accounts, txs). */
  readonly stargate: StargateClient;
  private readonly labels = new Map<string, string[] | undefined>();

  protected constructor(readonly comet: CometClient, readonly rpcUrl: string) {
    const rpc = createProtobufRpcClient(new QueryClient(comet));
    this.modelregistry = new ModelQuery(rpc);
    this.taskpool = new TaskpoolQuery(rpc);
    this.router = new RouterQuery(rpc);
    this.rewards = new RewardsQuery(rpc);
    this.stargate = StargateClient.create(comet);
  }

  /** Connects to a node's RPC endpoint, e.g. "http://127.0.0.1:26657". */
  static async connect(rpcUrl: string): Promise<HyraQueryClient> {
    return new HyraQueryClient(await connectNode(rpcUrl), rpcUrl);
  }

  async getModel(id: bigint | number): Promise<Model> {
    const res = await ask(`model ${id}`, this.modelregistry.Model({ id: BigInt(id) }));
    return res.model!;
  }

  async listModels(opts: { owner?: string; limit?: number } = {}): Promise<Model[]> {
    const res = opts.owner
      ? await ask(`models of ${opts.owner}`, this.modelregistry.ModelsByOwner({ owner: opts.owner, pagination: page(opts.limit) }))
      : await ask("models", this.modelregistry.Models({ pagination: page(opts.limit) }));
    return res.models;
  }

  async getModelVersion(id: bigint | number, version: bigint | number): Promise<ModelVersion> {
    const res = await ask(`model ${id} version ${version}`, this.modelregistry.ModelVersion({ id: BigInt(id), version: BigInt(version) }));
    return res.modelVersion!;
  }

  async getTask(id: bigint | number): Promise<Task> {
    return (await ask(`task ${id}`, this.taskpool.Task({ id: BigInt(id) }))).task!;
  }

  /** Tasks of a creator (newest state), or of a pool and/or status. */
  async listTasks(opts: { creator?: string; poolId?: bigint | number; status?: TaskStatus; limit?: number } = {}): Promise<Task[]> {
    if (opts.creator) {
      return (await ask(`tasks of ${opts.creator}`, this.taskpool.TasksByCreator({ creator: opts.creator, pagination: page(opts.limit) }))).tasks;
    }
    const req = { poolId: BigInt(opts.poolId ?? 0), status: opts.status ?? TaskStatus.TASK_STATUS_UNSPECIFIED, pagination: page(opts.limit) };
    return (await ask("tasks", this.taskpool.Tasks(req))).tasks;
  }

  /** Open tasks across pools (of one model when modelId is given), as workers see them. */
  async availableTasks(opts: { modelId?: bigint | number; limit?: number } = {}): Promise<Task[]> {
    return (await ask("available tasks", this.router.AvailableTasks({ modelId: BigInt(opts.modelId ?? 0), pagination: page(opts.limit) }))).tasks;
  }

  /** The verified result of a COMPLETED task, decoded. */
  async getResult(taskId: bigint | number): Promise<TaskResult> {
    const r = await ask(`result of task ${taskId}`, this.taskpool.Result({ taskId: BigInt(taskId) }));
    const output = decodeVector(r.output);
    const best = argmax(output);
    const labels = await this.labelsOf(r.modelId, r.modelVersion);
    return {
      taskId: r.taskId, modelId: r.modelId, modelVersion: r.modelVersion, worker: r.worker,
      output, argmax: best, label: labels?.[best], proof: r.proof, completedAt: r.completedAt,
    };
  }

  async getPool(id: bigint | number): Promise<Pool> {
    return (await ask(`pool ${id}`, this.taskpool.Pool({ id: BigInt(id) }))).pool!;
  }

  /** A worker's record (tasks done, rewards, active claims) and reputation. */
  async getWorker(address: string): Promise<WorkerInfo> {
    return (await ask(`worker ${address}`, this.taskpool.Worker({ address }))).worker!;
  }

  async listWorkers(opts: { limit?: number } = {}): Promise<WorkerInfo[]> {
    return (await ask("workers", this.taskpool.Workers({ pagination: page(opts.limit) }))).workers;
  }

  /** Whether a worker may claim now, and why not. */
  async getWorkerStatus(address: string): Promise<QueryWorkerStatusResponse> {
    return ask(`worker status of ${address}`, this.router.WorkerStatus({ worker: address }));
  }

  /** Chain-wide figures: open, claimed and completed tasks, active pools and workers, volume paid. */
  async getStats(): Promise<QueryGlobalStatsResponse> {
    return ask("global stats", this.router.GlobalStats({}));
  }

  /** An account's balance of a denom (uhyra by default), as a decimal string. */
  async getBalance(address: string, denom = "uhyra"): Promise<string> {
    return (await this.stargate.getBalance(address, denom)).amount;
  }

  disconnect(): void {
    this.comet.disconnect();
  }

  private async labelsOf(modelId: bigint, version: bigint): Promise<string[] | undefined> {
    const key = `${modelId}/${version}`;
    if (!this.labels.has(key)) {
      try {
        const v = await this.getModelVersion(modelId, version);
        const a = JSON.parse(new TextDecoder().decode(v.artifact)) as { output?: { labels?: string[] } };
        this.labels.set(key, a.output?.labels);
      } catch {
        this.labels.set(key, undefined); // a label is a convenience; the output stands without it
      }
    }
    return this.labels.get(key);
  }
}

/** Connects to a node's CometBFT RPC, with a hint when nothing answers there. */
export async function connectNode(rpcUrl: string): Promise<CometClient> {
  try {
    return await connectComet(rpcUrl);
  } catch (e) {
    const msg = e instanceof Error ? e.message : String(e);
    throw new Error(`cannot reach a hyra node at ${rpcUrl} (${msg}); is it running, and is that its RPC address (port 26657 by default)?`);
  }
}
