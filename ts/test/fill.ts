// A value for every field of every hyra message, none of them empty (but a private task's
// plaintext input): what the amino tests sign and convert.
import type { AminoField } from "../src/amino-fields";
import { aminoShapes } from "../src/gen/registry";

// Sizes the messages' ValidateBasic checks (zk/verifier, x/taskpool), so that no message is refused
// before the signature is checked.
const bytesOf: Record<string, number> = {
  "MsgContributeSetup.state_hash": 32, "MsgContributeSetup.delta_g1": 32, "MsgContributeSetup.delta_g2": 64,
  "MsgContributeSetup.proof": 96, "MsgSubmitResult.proof": 164,
  "MsgSubmitTask.input_commitment": 32, "MsgRouteTask.input_commitment": 32,
  "MsgClaimTask.encryption_key": 32, "MsgClaimBest.encryption_key": 32,
  // A private task (private is true below) carries its input only encrypted: no plaintext.
  "MsgSubmitTask.input": 0, "MsgRouteTask.input": 0,
};

/** A value for every field of a message, none of them empty but a private task's plaintext input. */
export function fill(type: string, address: string): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  const short = type.split(".").pop()!;
  for (const f of aminoShapes[type]!) {
    const one = value(f, `${short}.${f.name}`, address);
    out[f.key] = f.repeated ? [one] : one;
  }
  return out;
}

function value(f: AminoField, name: string, address: string): unknown {
  switch (f.kind) {
    case "string":
      return f.name === "denom" ? "uhyra" : f.name === "amount" ? "7" : address;
    case "bool": return true;
    case "int32": case "enum": return 1;
    case "int64": return 1n;
    case "bytes": return new Uint8Array(bytesOf[name] ?? 8).fill(1);
    case "timestamp": return new Date(Math.floor(Date.now() / 1000) * 1000 + 3_600_250);
    case "duration": return { seconds: 30n, nanos: 5 };
    case "message": return fill(f.message!, address);
  }
}
