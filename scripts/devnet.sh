#!/usr/bin/env bash
# Starts a single-validator hyra chain in a temporary home on loopback ports,
# with test-keyring accounts `validator` and `alice`. Ctrl-C stops it and
# removes the home unless KEEP_HOME=1.
#
#   HYRAD       the binary (default build/hyrad)
#   HYRA_HOME   the home (default: a new temporary directory)
#   RPC_PORT, API_PORT, GRPC_PORT, P2P_PORT  (default 26657, 1317, 9090, 26656)
#   SHORT_GOV=1 makes governance periods short (voting 30s) to try proposals locally
set -euo pipefail

HYRAD=${HYRAD:-build/hyrad}
CHAIN_ID=${CHAIN_ID:-hyra-local-1}
HYRA_HOME=${HYRA_HOME:-$(mktemp -d -t hyra-devnet-XXXXXX)}
RPC_PORT=${RPC_PORT:-26657}
API_PORT=${API_PORT:-1317}
GRPC_PORT=${GRPC_PORT:-9090}
P2P_PORT=${P2P_PORT:-26656}
KR=(--keyring-backend test --home "$HYRA_HOME")

cleanup() {
  if [ "${KEEP_HOME:-0}" != 1 ]; then rm -rf "$HYRA_HOME"; fi
}
trap cleanup EXIT

echo "home: $HYRA_HOME"
"$HYRAD" init devnet --chain-id "$CHAIN_ID" --home "$HYRA_HOME" >/dev/null 2>&1
for name in validator alice; do
  "$HYRAD" keys add "$name" "${KR[@]}" >/dev/null 2>&1
  "$HYRAD" genesis add-genesis-account "$name" 1000000000000uhyra "${KR[@]}"
done
"$HYRAD" genesis gentx validator 100000000000uhyra --chain-id "$CHAIN_ID" "${KR[@]}" >/dev/null 2>&1
"$HYRAD" genesis collect-gentxs --home "$HYRA_HOME" >/dev/null 2>&1

if [ "${SHORT_GOV:-0}" = 1 ]; then
  genesis="$HYRA_HOME/config/genesis.json"
  sed -i -e 's/"voting_period": "[^"]*"/"voting_period": "30s"/' \
         -e 's/"expedited_voting_period": "[^"]*"/"expedited_voting_period": "15s"/' \
         -e 's/"max_deposit_period": "[^"]*"/"max_deposit_period": "30s"/' "$genesis"
fi
"$HYRAD" genesis validate --home "$HYRA_HOME" >/dev/null

"$HYRAD" config set client node "tcp://127.0.0.1:$RPC_PORT" --home "$HYRA_HOME" >/dev/null
"$HYRAD" config set client keyring-backend test --home "$HYRA_HOME" >/dev/null
# The node's metrics at /metrics?format=prometheus on the REST port (README, "Metrics").
"$HYRAD" config set app telemetry.enabled true --home "$HYRA_HOME" >/dev/null
"$HYRAD" config set app telemetry.prometheus-retention-time 600 --home "$HYRA_HOME" >/dev/null

cat <<MSG
chain $CHAIN_ID starting: RPC 127.0.0.1:$RPC_PORT, REST 127.0.0.1:$API_PORT, gRPC 127.0.0.1:$GRPC_PORT
dashboard: http://127.0.0.1:$API_PORT/dashboard/
try:  $HYRAD query modelregistry models --home $HYRA_HOME
      curl http://127.0.0.1:$API_PORT/hyra/modelregistry/v1/models
      curl 'http://127.0.0.1:$API_PORT/metrics?format=prometheus' | grep ^hyra_
MSG
exec_start() {
  "$HYRAD" start --home "$HYRA_HOME" \
    --rpc.laddr "tcp://127.0.0.1:$RPC_PORT" \
    --p2p.laddr "tcp://127.0.0.1:$P2P_PORT" \
    --grpc.address "127.0.0.1:$GRPC_PORT" \
    --api.enable --api.address "tcp://127.0.0.1:$API_PORT"
}
exec_start
