import { sha256 } from "@cosmjs/crypto";
import { HyraInputError } from "./errors";

/** What the chain wants declared next to a model artifact, read from the artifact itself. */
export interface ArtifactInfo {
  /** sha256 of the artifact bytes: it identifies the model. */
  hash: Uint8Array;
  inputLength: number;
  inputMin: bigint;
  inputMax: bigint;
  outputLength: number;
  labels?: string[];
}

interface ArtifactJSON {
  format?: string;
  input?: { length?: number; shape?: number[]; min?: number; max?: number };
  output?: { length?: number; labels?: string[] };
}

/**
 * Reads a model artifact (zk/artifact: hyra-qnn/v1 with input.length, or v2 with input.shape) for
 * registration: its hash, input schema and output length, as `hyrad tx modelregistry
 * register-model` declares them. The chain checks them again against the artifact.
 */
export function readArtifact(artifact: Uint8Array): ArtifactInfo {
  let a: ArtifactJSON;
  try {
    a = JSON.parse(new TextDecoder().decode(artifact)) as ArtifactJSON;
  } catch (e) {
    throw new HyraInputError(`the artifact is not JSON: ${(e as Error).message}`);
  }
  const length = a.input?.length ?? a.input?.shape?.reduce((n, d) => n * d, 1);
  if (!length || a.input?.min === undefined || a.input?.max === undefined || !a.output?.length) {
    throw new HyraInputError("the artifact declares no input length/shape, min, max or output length: is it a zk/artifact file?");
  }
  return {
    hash: sha256(artifact),
    inputLength: length,
    inputMin: BigInt(a.input.min),
    inputMax: BigInt(a.input.max),
    outputLength: a.output.length,
    labels: a.output.labels,
  };
}
