/**
 * @hyra/client: a TypeScript client for the hyra chain (proof-verified AI inference).
 *
 * - Generated types of every hyra proto (namespaces below), from proto/ by `make proto-gen`.
 * - A CosmJS Registry and amino converters for every hyra message (DIRECT and LEGACY_AMINO_JSON).
 * - The vector encodings of task inputs and results.
 * - HyraClient: helpers for the flows users have (register a model, buy a verified inference,
 *   claim, submit a result) and typed reads of models, tasks, results, workers and stats.
 */
export * from "./client";
export * from "./queries";
export * from "./wait";
export * from "./errors";
export * from "./artifact";
export * from "./vector";
export * from "./registry";
export * from "./amino";
export type { AminoField, AminoKind } from "./amino-fields";

export * as modelregistry from "./gen/hyra/modelregistry/v1/types";
export * as modelregistryTx from "./gen/hyra/modelregistry/v1/tx";
export * as modelregistryQuery from "./gen/hyra/modelregistry/v1/query";
export * as modelregistryEvents from "./gen/hyra/modelregistry/v1/events";
export * as taskpool from "./gen/hyra/taskpool/v1/types";
export * as taskpoolTx from "./gen/hyra/taskpool/v1/tx";
export * as taskpoolQuery from "./gen/hyra/taskpool/v1/query";
export * as taskpoolEvents from "./gen/hyra/taskpool/v1/events";
export * as routerTx from "./gen/hyra/router/v1/tx";
export * as routerQuery from "./gen/hyra/router/v1/query";
export * as routerEvents from "./gen/hyra/router/v1/events";
export * as rewards from "./gen/hyra/rewards/v1/types";
export * as rewardsTx from "./gen/hyra/rewards/v1/tx";
export * as rewardsQuery from "./gen/hyra/rewards/v1/query";
export * as rewardsEvents from "./gen/hyra/rewards/v1/events";

// The wallets a program signs with, so that an application needs no CosmJS import of its own:
// DirectSecp256k1HdWallet signs DIRECT; Secp256k1HdWallet signs LEGACY_AMINO_JSON (as Ledger does).
export { DirectSecp256k1HdWallet } from "@cosmjs/proto-signing";
export { Secp256k1HdWallet } from "@cosmjs/amino";
