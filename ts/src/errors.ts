import type { Task } from "./gen/hyra/taskpool/v1/types";
import { taskStatusToJSON } from "./gen/hyra/taskpool/v1/types";

/** A transaction the chain refused (in simulation, CheckTx or DeliverTx), with the chain's reason. */
export class HyraTxError extends Error {
  override name = "HyraTxError";
  constructor(
    /** What was attempted, e.g. "route task". */
    readonly action: string,
    /** The chain's log: why it refused. */
    readonly log: string,
    /** The ABCI code (0 when the transaction never got one, e.g. a refused simulation). */
    readonly code: number = 0,
    readonly codespace: string = "",
    readonly txHash: string = "",
  ) {
    super(`${action} failed${code ? ` (code ${code}${codespace ? ` in ${codespace}` : ""})` : ""}: ${log}${txHash ? ` [tx ${txHash}]` : ""}`);
  }
}

/** A task that reached a terminal state other than COMPLETED: its reward went back to its creator. */
export class TaskEndedError extends Error {
  override name = "TaskEndedError";
  constructor(readonly task: Task) {
    const reward = task.reward ? `${task.reward.amount}${task.reward.denom}` : "its reward";
    super(`task ${task.id} ended ${taskStatusToJSON(task.status)} without a result; ${reward} was refunded to ${task.creator}`);
  }
}

/**
 * Waiting for a task stopped (timeout or abort) before it completed. The escrow stays with the task
 * until a worker completes it or its deadline refunds it.
 */
export class TaskWaitError extends Error {
  override name = "TaskWaitError";
  constructor(
    readonly taskId: bigint,
    readonly reason: string,
    /** The task as last read, if it could be read. */
    readonly task?: Task,
  ) {
    let msg = `stopped waiting for task ${taskId} (${reason})`;
    if (task) {
      const reward = task.reward ? `${task.reward.amount}${task.reward.denom}` : "its reward";
      msg += `: it is ${taskStatusToJSON(task.status)}; ${reward} stays in escrow until a worker completes it or its deadline ${task.deadline?.toISOString()} refunds it`;
    }
    super(msg);
  }
}

/** Something the caller passed that cannot work (bad vector, unknown model, ...), found before any transaction. */
export class HyraInputError extends Error {
  override name = "HyraInputError";
}
