/**
 * How one proto field appears in amino JSON, as the chain's encoder (cosmossdk.io/x/tx
 * signing/aminojson) writes it. The tables are generated from proto/ (src/gen/registry.ts).
 */
export type AminoKind =
  | "string"
  | "bool"
  | "int32" // JSON number
  | "int64" // quoted decimal string
  | "bytes" // standard base64
  | "enum" // JSON number
  | "timestamp" // RFC 3339, nanoseconds only when non-zero
  | "duration" // quoted total nanoseconds
  | "message";

export interface AminoField {
  /** The field's name in amino JSON: the proto name, or its amino.field_name option. */
  readonly name: string;
  /** The property of the ts-proto type. */
  readonly key: string;
  readonly kind: AminoKind;
  /** The full proto name of a message field's type. */
  readonly message?: string;
  readonly repeated?: boolean;
  /** amino.dont_omitempty: written even when empty. */
  readonly dontOmitEmpty?: boolean;
  /** amino.encoding, e.g. "legacy_coins" (an empty list as [] rather than null). */
  readonly encoding?: string;
  /** cosmos_proto.scalar "cosmos.Int": an empty string is written as "0". */
  readonly scalar?: string;
}
