import { test } from "node:test";
import assert from "node:assert/strict";
import { createHyraAminoConverters, createHyraAminoTypes, createHyraRegistry, encodeVector, hyraRegistryTypes } from "../src";
import { aminoShapes, hyraMsgs } from "../src/gen/registry";
import { MsgRouteTask, MsgClaimBest } from "../src/gen/hyra/router/v1/tx";
import { MsgRegisterModel } from "../src/gen/hyra/modelregistry/v1/tx";
import { ProofSystem } from "../src/gen/hyra/modelregistry/v1/types";
import { fill } from "./fill";

const addr = "hyra1qyqszqgpqyqszqgpqyqszqgpqyqszqgpjq2wsd";

test("every hyra Msg of proto/ is in the registry and has an amino converter", () => {
  const registry = createHyraRegistry();
  const converters = createHyraAminoConverters();
  // 29 messages across the four modules' Msg services.
  assert.equal(hyraMsgs.length, 29);
  for (const m of hyraMsgs) {
    assert.ok(registry.lookupType(m.typeUrl), m.typeUrl);
    assert.equal(converters[m.typeUrl]?.aminoType, m.aminoName);
    assert.match(m.aminoName, /^hyra\/(modelregistry|taskpool|router|rewards)\/Msg\w+$/);
  }
  assert.equal(hyraRegistryTypes.length, hyraMsgs.length);
});

test("the amino field tables name exactly the properties of the generated types", () => {
  for (const m of hyraMsgs) {
    const type = m.type as unknown as { fromPartial(o: object): object };
    const keys = Object.keys(type.fromPartial({})).sort();
    const table = aminoShapes[m.typeUrl.slice(1)]!.map((f) => f.key).sort();
    assert.deepEqual(table, keys, m.typeUrl);
  }
});

test("amino JSON follows the chain's encoder: snake_case, int64 as strings, empty fields omitted", () => {
  const types = createHyraAminoTypes();
  const route = MsgRouteTask.fromPartial({
    creator: addr,
    modelId: 7n,
    input: encodeVector([1]),
    reward: { denom: "uhyra", amount: "10" },
    deadline: new Date("2026-01-01T00:00:00Z"),
  });
  assert.deepEqual(types.toAmino({ typeUrl: "/hyra.router.v1.MsgRouteTask", value: route }), {
    type: "hyra/router/MsgRouteTask",
    value: {
      creator: addr,
      model_id: "7",
      input: "AAAAAAAAAAE=",
      reward: { denom: "uhyra", amount: "10" },
      deadline: "2026-01-01T00:00:00Z",
    },
  });

  // dont_omitempty: an empty repeated field is null, a zero Duration "0"; sub-second times keep their fraction.
  const claim = MsgClaimBest.fromPartial({ worker: addr, minWindow: { seconds: 0n, nanos: 0 } });
  assert.deepEqual(types.toAmino({ typeUrl: "/hyra.router.v1.MsgClaimBest", value: claim }).value, {
    worker: addr,
    models: null,
    min_window: "0",
  });
  const late = MsgRouteTask.fromPartial({ creator: addr, deadline: new Date("2026-01-01T00:00:00.250Z") });
  assert.equal(types.toAmino({ typeUrl: "/hyra.router.v1.MsgRouteTask", value: late }).value.deadline, "2026-01-01T00:00:00.25Z");
});

test("amino JSON converts back to the same message", () => {
  const types = createHyraAminoTypes();
  const reg = MsgRegisterModel.fromPartial({
    owner: addr,
    name: "digits",
    price: { denom: "uhyra", amount: "5" },
    privatePrice: { denom: "uhyra", amount: "8" },
    proofSystem: ProofSystem.PROOF_SYSTEM_GROTH16,
    verifyingKey: new Uint8Array([1, 2, 3]),
    inputSchema: { length: 4, minValue: -8n, maxValue: 8n },
    outputLength: 10,
  });
  const amino = types.toAmino({ typeUrl: "/hyra.modelregistry.v1.MsgRegisterModel", value: reg });
  assert.equal(amino.value.proof_system, ProofSystem.PROOF_SYSTEM_GROTH16);
  assert.deepEqual(amino.value.input_schema, { length: 4, min_value: "-8", max_value: "8" });
  const back = types.fromAmino(amino);
  assert.equal(back.typeUrl, "/hyra.modelregistry.v1.MsgRegisterModel");
  assert.deepEqual(back.value, reg);
});

test("every hyra message with every field set converts to amino JSON and back unchanged", () => {
  const types = createHyraAminoTypes();
  for (const m of hyraMsgs) {
    const type = m.type as unknown as { fromPartial(o: object): object };
    const value = type.fromPartial(fill(m.typeUrl.slice(1), addr));
    const amino = types.toAmino({ typeUrl: m.typeUrl, value });
    assert.equal(amino.type, m.aminoName);
    assert.deepEqual(types.fromAmino(amino), { typeUrl: m.typeUrl, value }, m.typeUrl);
  }
});
