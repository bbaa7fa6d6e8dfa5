#!/usr/bin/env bash
# Regenerates the TypeScript package's code from proto/ (ts/src/gen), offline: ts-proto from
# ts/node_modules (npm ci), dependency protos from the Go module cache as protocgen.sh does.
# ts/scripts/gen-registry.mjs then writes the message registry and amino field tables from the
# same descriptors, so every hyra message is signable with DIRECT and LEGACY_AMINO_JSON.
set -euo pipefail
cd "$(dirname "$0")/.."

command -v protoc >/dev/null || { echo "protoc not found: apt-get install -y protobuf-compiler" >&2; exit 1; }
[ -x ts/node_modules/.bin/protoc-gen-ts_proto ] || (cd ts && npm ci --no-audit --no-fund)

modir() { go list -m -f '{{.Dir}}' "$1"; }
go mod download github.com/cosmos/cosmos-sdk github.com/cosmos/gogoproto github.com/cosmos/cosmos-proto
SDK=$(modir github.com/cosmos/cosmos-sdk)
GOGO=$(modir github.com/cosmos/gogoproto)
COSMOS_PROTO=$(modir github.com/cosmos/cosmos-proto)
GATEWAY_VERSION=v1.16.0
GOFLAGS= go mod download "github.com/grpc-ecosystem/grpc-gateway@$GATEWAY_VERSION"
GW=$(go env GOMODCACHE)/github.com/grpc-ecosystem/grpc-gateway@$GATEWAY_VERSION
INCLUDES=(-I proto -I "$SDK/proto" -I "$GOGO" -I "$COSMOS_PROTO/proto" -I "$GW/third_party/googleapis")

out=$(mktemp -d)
trap 'rm -rf "$out"' EXIT
mkdir "$out/gen"

# Options: int64 as bigint (no precision loss), Timestamp as Date, query clients over an Rpc
# that CosmJS's createProtobufRpcClient provides.
echo "protoc ts-proto"
protoc "${INCLUDES[@]}" \
  --plugin=protoc-gen-ts_proto=ts/node_modules/.bin/protoc-gen-ts_proto \
  --ts_proto_out="$out/gen" \
  --ts_proto_opt=esModuleInterop=true,forceLong=bigint,useDate=true,outputServices=default,useExactTypes=false \
  $(find proto -name '*.proto' | sort)

echo "protoc descriptor set"
protoc "${INCLUDES[@]}" --include_imports --descriptor_set_out="$out/hyra.pb" $(find proto -name '*.proto' | sort)
node ts/scripts/gen-registry.mjs "$out/hyra.pb" > "$out/gen/registry.ts"

rm -rf ts/src/gen
cp -r "$out/gen" ts/src/gen
