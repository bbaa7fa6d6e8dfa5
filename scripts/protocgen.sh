#!/usr/bin/env bash
# Regenerates the gogoproto and grpc-gateway Go code of every hyra proto file
# and the REST API document (api/openapi/openapi.json), offline: include
# paths come from the Go module cache, plugins from `go install`.
set -euo pipefail
cd "$(dirname "$0")/.."

GOGO_VERSION=v1.7.2
GATEWAY_VERSION=v1.16.0
OPENAPI_VERSION=v2.27.3
GOBIN="$(go env GOPATH)/bin"
export PATH="$GOBIN:$PATH"

command -v protoc >/dev/null || { echo "protoc not found: apt-get install -y protobuf-compiler" >&2; exit 1; }
command -v protoc-gen-gocosmos >/dev/null || GOFLAGS= go install "github.com/cosmos/gogoproto/protoc-gen-gocosmos@$GOGO_VERSION"
command -v protoc-gen-grpc-gateway >/dev/null || GOFLAGS= go install "github.com/grpc-ecosystem/grpc-gateway/protoc-gen-grpc-gateway@$GATEWAY_VERSION"
command -v protoc-gen-openapiv2 >/dev/null || GOFLAGS= go install "github.com/grpc-ecosystem/grpc-gateway/v2/protoc-gen-openapiv2@$OPENAPI_VERSION"

modir() { go list -m -f '{{.Dir}}' "$1"; }
go mod download github.com/cosmos/cosmos-sdk github.com/cosmos/gogoproto github.com/cosmos/cosmos-proto
GOFLAGS= go mod download "github.com/grpc-ecosystem/grpc-gateway@$GATEWAY_VERSION"
SDK=$(modir github.com/cosmos/cosmos-sdk)
GOGO=$(modir github.com/cosmos/gogoproto)
COSMOS_PROTO=$(modir github.com/cosmos/cosmos-proto)
GW=$(go env GOMODCACHE)/github.com/grpc-ecosystem/grpc-gateway@$GATEWAY_VERSION

out=$(mktemp -d)
trap 'rm -rf "$out"' EXIT

for dir in $(find proto -name '*.proto' -exec dirname {} \; | sort -u); do
  echo "protoc $dir"
  protoc -I proto -I "$SDK/proto" -I "$GOGO" -I "$COSMOS_PROTO/proto" -I "$GW/third_party/googleapis" \
    --gocosmos_out=plugins=grpc,Mgoogle/protobuf/any.proto=github.com/cosmos/gogoproto/types/any:"$out" \
    --grpc-gateway_out=logtostderr=true,allow_colon_final_segments=true:"$out" \
    "$dir"/*.proto
done

# Generated files land under their go_package path; copy them into this module.
cp -r "$out/github.com/hyra-network/hyra/." ./

# The REST API document: the hyra queries and the SDK services an application
# needs to sign and broadcast (accounts, balances and denom metadata, txs),
# merged into one OpenAPI file with the proto field names the gateway emits.
SDK_SERVICES="cosmos/auth/v1beta1/query.proto cosmos/bank/v1beta1/query.proto cosmos/tx/v1beta1/service.proto"
echo "protoc openapi"
protoc -I proto -I "$SDK/proto" -I "$GOGO" -I "$COSMOS_PROTO/proto" -I "$GW/third_party/googleapis" \
  --openapiv2_out="$out" \
  --openapiv2_opt=allow_merge=true,merge_file_name=merged,json_names_for_fields=false,openapi_naming_strategy=fqn,include_package_in_tags=true \
  proto/hyra/*/v1/query.proto $SDK_SERVICES
go run ./api/openapi/gen -in "$out/merged.swagger.json" -out api/openapi/openapi.json

# third_party/proto: every file proto/ imports, transitively, copied from the
# include paths above (the well-known google/protobuf types excepted: every
# protobuf tool has them), so that buf.yaml's workspace builds offline.
VENDOR=third_party/proto
INCLUDES=("$SDK/proto" "$GOGO" "$COSMOS_PROTO/proto" "$GW/third_party/googleapis")
imports() { sed -n 's/^import \(public \)\{0,1\}"\([^"]*\)";.*/\2/p' "$@"; }
echo "vendor $VENDOR"
find "$VENDOR" -name '*.proto' -delete 2>/dev/null || true
find "$VENDOR" -type d -empty -delete 2>/dev/null || true
declare -A seen=()
mapfile -t queue < <(imports $(find proto -name '*.proto') | sort -u)
while ((${#queue[@]})); do
  f=${queue[0]}
  queue=("${queue[@]:1}")
  [[ -n ${seen[$f]:-} || $f == google/protobuf/* || -f proto/$f ]] && continue
  seen[$f]=1
  src=""
  for dir in "${INCLUDES[@]}"; do
    if [[ -f $dir/$f ]]; then src=$dir/$f; break; fi
  done
  [[ -n $src ]] || { echo "import $f: not in any include path" >&2; exit 1; }
  mkdir -p "$VENDOR/$(dirname "$f")"
  install -m 0644 "$src" "$VENDOR/$f"
  mapfile -t -O "${#queue[@]}" queue < <(imports "$src")
done
modver() { go list -m -f '{{.Path}} {{.Version}}' "$1"; }
cat > "$VENDOR/README.md" <<README
# Vendored proto dependencies

Written by \`make proto-gen\` (scripts/protocgen.sh): the files that proto/ imports,
transitively, copied unchanged from the Go module cache at the versions go.mod pins, so that
the buf workspace (buf.yaml) builds with no registry. Do not edit. Their projects' licences
apply: cosmos-sdk, cosmos-proto and googleapis Apache-2.0, gogoproto BSD-3-Clause.

- $(modver github.com/cosmos/cosmos-sdk): proto/ (amino, cosmos)
- $(modver github.com/cosmos/gogoproto): gogoproto/
- $(modver github.com/cosmos/cosmos-proto): proto/ (cosmos_proto)
- github.com/grpc-ecosystem/grpc-gateway $GATEWAY_VERSION: third_party/googleapis (google/api)
README
