import type { OfflineSigner } from "@cosmjs/proto-signing";
import { GasPrice, SigningStargateClient, type DeliverTxResponse, type StdFee } from "@cosmjs/stargate";
import { createHyraAminoTypes } from "./amino";
import { readArtifact } from "./artifact";
import { HyraInputError, HyraTxError } from "./errors";
import type { Coin } from "./gen/cosmos/base/v1beta1/coin";
import { ProofSystem } from "./gen/hyra/modelregistry/v1/types";
import { MsgRegisterModelResponse } from "./gen/hyra/modelregistry/v1/tx";
import { MsgBondResponse } from "./gen/hyra/rewards/v1/tx";
import { MsgClaimBestResponse, MsgRouteTaskResponse } from "./gen/hyra/router/v1/tx";
import { MsgCancelTaskResponse, MsgClaimTaskResponse, MsgSubmitResultResponse } from "./gen/hyra/taskpool/v1/tx";
import { connectNode, HyraQueryClient, type TaskResult } from "./queries";
import { createHyraRegistry } from "./registry";
import { compactEncoding, encodeVector, type VectorEncoding } from "./vector";
import { waitForTask, type WaitOptions } from "./wait";

export interface HyraClientOptions {
  /** Gas price for fees (default "0uhyra", a devnet's minimum; use the node's minimum-gas-prices). */
  gasPrice?: string;
  /** Simulated gas times this is the gas limit (default 1.5). */
  gasAdjustment?: number;
}

/** A coin as "1000uhyra" or { denom, amount }. */
export type CoinLike = string | Coin;

function coin(c: CoinLike): Coin {
  if (typeof c !== "string") return c;
  const m = /^(\d+)([a-zA-Z][a-zA-Z0-9/:._-]{2,127})$/.exec(c.trim());
  if (!m) throw new HyraInputError(`"${c}" is not a coin like "1000uhyra"`);
  return { amount: m[1]!, denom: m[2]! };
}

type Vector = ReadonlyArray<number | bigint>;

/** Signs and sends hyra transactions for one account, and reads the chain (HyraQueryClient). */
export class HyraClient extends HyraQueryClient {
  private signing!: SigningStargateClient;
  /** The signing account's address (the signer's first account). */
  address!: string;
  private gasAdjustment = 1.5;

  /**
   * Connects to a node's RPC endpoint with a signer: a DirectSecp256k1HdWallet (DIRECT signing),
   * a Secp256k1HdWallet or a Keplr/Ledger amino signer (LEGACY_AMINO_JSON signing).
   */
  static async connectWithSigner(rpcUrl: string, signer: OfflineSigner, opts: HyraClientOptions = {}): Promise<HyraClient> {
    const comet = await connectNode(rpcUrl);
    const c = new HyraClient(comet, rpcUrl);
    c.signing = SigningStargateClient.createWithSigner(comet, signer, {
      registry: createHyraRegistry(),
      aminoTypes: createHyraAminoTypes(),
      gasPrice: GasPrice.fromString(opts.gasPrice ?? "0uhyra"),
    });
    c.gasAdjustment = opts.gasAdjustment ?? 1.5;
    const [account] = await signer.getAccounts();
    if (!account) throw new HyraInputError("the signer has no account");
    c.address = account.address;
    return c;
  }

  /**
   * Signs and broadcasts msgs, waits for the block, and throws HyraTxError with the chain's reason if
   * refused. The gas is simulated unless opts.fee fixes it.
   */
  async send(action: string, msgs: ReadonlyArray<{ typeUrl: string; value: unknown }>, opts: { memo?: string; fee?: StdFee } = {}): Promise<DeliverTxResponse> {
    let res: DeliverTxResponse;
    try {
      res = await this.signing.signAndBroadcast(this.address, msgs, opts.fee ?? this.gasAdjustment, opts.memo ?? "");
    } catch (e) {
      throw txError(action, e instanceof Error ? e.message : String(e));
    }
    if (res.code !== 0) throw new HyraTxError(action, cleanLog(res.rawLog ?? ""), res.code, "", res.transactionHash);
    return res;
  }

  /** Registers a model from its artifact (zk/artifact JSON) and a verifying key; returns its id. */
  async registerModel(p: { name: string; description: string; price: CoinLike; artifact: Uint8Array; verifyingKey?: Uint8Array }): Promise<{ modelId: bigint; txHash: string }> {
    const a = readArtifact(p.artifact);
    const res = await this.send("register model", [{
      typeUrl: "/hyra.modelregistry.v1.MsgRegisterModel",
      value: {
        owner: this.address, name: p.name, description: p.description, price: coin(p.price),
        proofSystem: ProofSystem.PROOF_SYSTEM_GROTH16, verifyingKey: p.verifyingKey ?? new Uint8Array(),
        artifact: p.artifact, artifactHash: a.hash,
        inputSchema: { length: a.inputLength, minValue: a.inputMin, maxValue: a.inputMax }, outputLength: a.outputLength,
      },
    }]);
    return { modelId: reply(res, MsgRegisterModelResponse).id, txHash: res.transactionHash };
  }

  /**
   * Routes a task for a model: the reward (default: the model's price) is escrowed until a verified
   * result pays it, or the deadline (default: in 10 minutes) refunds it. The input is sent in the
   * narrowest encoding that holds it (UINT8 for images: 1 byte per element) unless `encoding` says.
   */
  async routeTask(p: { modelId: bigint | number; input: Vector; encoding?: VectorEncoding; reward?: CoinLike; ttlSeconds?: number; deadline?: Date }): Promise<{ taskId: bigint; poolId: bigint; poolCreated: boolean; txHash: string }> {
    const reward = p.reward ? coin(p.reward) : (await this.getModel(p.modelId)).price!;
    const deadline = p.deadline ?? new Date(Math.floor(Date.now() / 1000 + (p.ttlSeconds ?? 600)) * 1000);
    const inputEncoding = p.encoding ?? compactEncoding(p.input);
    const res = await this.send("route task", [{
      typeUrl: "/hyra.router.v1.MsgRouteTask",
      value: { creator: this.address, modelId: BigInt(p.modelId), input: encodeVector(p.input, inputEncoding), inputEncoding, reward, deadline },
    }]);
    const r = reply(res, MsgRouteTaskResponse);
    return { taskId: r.taskId, poolId: r.poolId, poolCreated: r.poolCreated, txHash: res.transactionHash };
  }

  /** Waits for a task's verified result (websocket, with polling as fallback) and returns it decoded. */
  async waitForResult(taskId: bigint | number, opts: WaitOptions = {}): Promise<TaskResult> {
    await waitForTask(this, taskId, opts);
    return this.getResult(taskId);
  }

  /** Buys one verified inference: routes a task and waits for its result. */
  async infer(modelId: bigint | number, input: Vector, opts: WaitOptions & { reward?: CoinLike; ttlSeconds?: number } = {}): Promise<TaskResult> {
    const { taskId } = await this.routeTask({ modelId, input, reward: opts.reward, ttlSeconds: opts.ttlSeconds });
    return this.waitForResult(taskId, opts);
  }

  /** Withdraws an OPEN task of this account; returns the refund. */
  async cancelTask(taskId: bigint | number): Promise<Coin> {
    const res = await this.send(`cancel task ${taskId}`, [{ typeUrl: "/hyra.taskpool.v1.MsgCancelTask", value: { creator: this.address, taskId: BigInt(taskId) } }]);
    return reply(res, MsgCancelTaskResponse).refund!;
  }

  /** Registers (or reactivates) this account as a worker. */
  async registerWorker(): Promise<void> {
    await this.send("register worker", [{ typeUrl: "/hyra.taskpool.v1.MsgRegisterWorker", value: { worker: this.address } }]);
  }

  /** Bonds HYRA as this worker's stake (at least the rewards param min_worker_bond to claim). */
  async bond(amount: CoinLike): Promise<Coin> {
    const res = await this.send("bond", [{ typeUrl: "/hyra.rewards.v1.MsgBond", value: { worker: this.address, amount: coin(amount) } }]);
    return reply(res, MsgBondResponse).bonded!;
  }

  /** Claims a task of a pool: the named one, or the oldest open one. */
  async claimTask(p: { poolId: bigint | number; taskId?: bigint | number }): Promise<{ taskId: bigint; claimExpiry: Date | undefined }> {
    const res = await this.send("claim task", [{
      typeUrl: "/hyra.taskpool.v1.MsgClaimTask",
      value: { worker: this.address, poolId: BigInt(p.poolId), taskId: BigInt(p.taskId ?? 0) },
    }]);
    const r = reply(res, MsgClaimTaskResponse);
    return { taskId: r.taskId, claimExpiry: r.claimExpiry };
  }

  /** Claims the open task with the highest reward this worker may claim (of one model, if given). */
  async claimBest(p: { modelId?: bigint | number } = {}): Promise<{ taskId: bigint; poolId: bigint; reward: Coin | undefined }> {
    const res = await this.send("claim best task", [{
      typeUrl: "/hyra.router.v1.MsgClaimBest",
      value: { worker: this.address, modelId: BigInt(p.modelId ?? 0), models: [], minWindow: { seconds: 0n, nanos: 0 } },
    }]);
    const r = reply(res, MsgClaimBestResponse);
    return { taskId: r.taskId, poolId: r.poolId, reward: r.reward };
  }

  /** Submits a claimed task's output and its proof (`hyrad zk prove`); returns the worker's share of the reward. */
  async submitResult(p: { taskId: bigint | number; output: Vector | Uint8Array; proof: Uint8Array }): Promise<Coin> {
    const output = p.output instanceof Uint8Array ? p.output : encodeVector(p.output);
    const res = await this.send(`submit result of task ${p.taskId}`, [{
      typeUrl: "/hyra.taskpool.v1.MsgSubmitResult",
      value: { worker: this.address, taskId: BigInt(p.taskId), output, proof: p.proof },
    }]);
    return reply(res, MsgSubmitResultResponse).workerReward!;
  }
}

/** The chain's reason without the SDK's wrapping ("failed to execute message; message index: 0: ..."). */
function cleanLog(log: string): string {
  return log
    .replace(/^failed to execute message; message index: \d+: /, "")
    .replace(/ with gas used: '\d+'.*$/s, "");
}

/**
 * A refused simulation ("Query failed with (6): rpc error: code = Unknown desc = WHY") or CheckTx
 * ("Broadcasting transaction failed with code N (codespace: S). Log: WHY") as a HyraTxError.
 */
function txError(action: string, msg: string): HyraTxError {
  const checkTx = /failed with code (\d+) \(codespace: ([^)]*)\)\. Log: (.*)$/s.exec(msg);
  if (checkTx) return new HyraTxError(action, cleanLog(checkTx[3]!), Number(checkTx[1]), checkTx[2]);
  const desc = /desc = (.*)$/s.exec(msg)?.[1];
  return new HyraTxError(action, cleanLog(desc ?? msg).replace(/: unknown request$/, ""));
}

/** Decodes the response of the transaction's (single) message. */
function reply<T>(res: DeliverTxResponse, type: { decode(b: Uint8Array): T }): T {
  const r = res.msgResponses[0];
  if (!r) throw new Error(`transaction ${res.transactionHash} returned no message response`);
  return type.decode(r.value);
}
