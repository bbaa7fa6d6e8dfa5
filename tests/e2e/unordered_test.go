package e2e_test

import (
	"encoding/json"
	"testing"

	"github.com/stretchr/testify/require"

	"github.com/hyra-network/hyra/testutil/hyradtest"
)

// TestUnorderedTransactions: the worker daemon with --unordered
// --timeout-duration registers, bonds, claims and submits with unordered
// transactions only (its account sequence stays 0) and every task is
// verified and paid; `hyrad tx` takes the same flags, and ordered
// transactions still work beside them.
func TestUnorderedTransactions(t *testing.T) {
	n, ids := newIrisTaskChain(t, 2, 3)

	n.startDaemon("worker", "start", "--from", "worker", "--keys-dir", hyradtest.IrisKeysDir(t), "--poll-interval", "1s",
		"--batch", "2", "--unordered", "--timeout-duration", "1m")
	n.requireAllPaid(ids)
	require.Zero(t, n.sequence(n.address("worker")), "every transaction of the worker was unordered")

	client, owner := n.address("client"), n.address("owner")
	before := n.sequence(client)
	code, log := n.tx("bank", "send", client, owner, "5uhyra", "--from", "client", "--unordered", "--timeout-duration", "60s")
	require.Zero(t, code, log)
	require.Equal(t, before, n.sequence(client), "an unordered send leaves the sequence alone")
	code, log = n.tx("bank", "send", client, owner, "5uhyra", "--from", "client")
	require.Zero(t, code, log)
	require.Equal(t, before+1, n.sequence(client))

	out, err := n.exec("tx", "bank", "send", client, owner, "5uhyra", "--from", "client", "--unordered", "--timeout-duration", "11m", "--yes")
	require.Error(t, err, out)
	require.Contains(t, out, "ttl exceeds 10m0s")
}

// sequence is an account's sequence.
func (n *node) sequence(addr string) uint64 {
	n.t.Helper()
	var res struct {
		Account struct {
			Sequence uint64 `json:"sequence,string"`
			Value    struct {
				Sequence uint64 `json:"sequence,string"`
			} `json:"value"`
		} `json:"account"`
	}
	out := n.run("query", "auth", "account", addr, "--output", "json")
	require.NoError(n.t, json.Unmarshal([]byte(out), &res), out)
	return max(res.Account.Sequence, res.Account.Value.Sequence)
}
