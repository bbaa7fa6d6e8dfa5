import { Registry, type GeneratedType } from "@cosmjs/proto-signing";
import { defaultRegistryTypes } from "@cosmjs/stargate";
import { hyraMsgs } from "./gen/registry";

/** Every hyra message as [type URL, generated type], for Registry or a wallet's own registry. */
export const hyraRegistryTypes: ReadonlyArray<[string, GeneratedType]> = hyraMsgs.map((m) => [m.typeUrl, m.type]);

/** A CosmJS Registry with the SDK's default messages (bank, staking, ...) and every hyra message. */
export function createHyraRegistry(): Registry {
  return new Registry([...defaultRegistryTypes, ...hyraRegistryTypes]);
}
