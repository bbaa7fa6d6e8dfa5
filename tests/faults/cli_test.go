package faults_test

import (
	"context"
	"encoding/json"
	"fmt"
	"os/exec"
	"strings"
	"time"

	"github.com/stretchr/testify/require"

	"github.com/hyra-network/hyra/testutil/hyradtest"
	"github.com/hyra-network/hyra/testutil/localnet"
)

// exec runs hyrad ARGS, bounded by two minutes and the test's budget, and
// returns its combined output.
func (m *market) exec(args ...string) (string, error) {
	ctx, cancel := context.WithTimeout(m.ctx, 2*time.Minute)
	defer cancel()
	out, err := exec.CommandContext(ctx, hyrad, args...).CombinedOutput()
	return string(out), err
}

// tx sends a transaction signed by a client-home account through node 0 (which no fault stops)
// and waits for it to be committed; anything but success fails the test.
func (m *market) tx(from string, args ...string) {
	m.t.Helper()
	m.txOn(m.node(0), m.net.ClientHome, m.net.ChainID, from, args...)
}

// txOn is tx with the node, the keyring home and the chain id spelled out
// (validator keys live in their node's home; an imported chain has its own
// id).
func (m *market) txOn(node *localnet.Node, home, chainID, from string, args ...string) {
	m.t.Helper()
	args = append(append([]string{"tx"}, args...), "--from", from, "--home", home, "--node", node.RPCAddr(),
		"--chain-id", chainID, "--keyring-backend", "test", "--yes", "--output", "json",
		"--gas", "auto", "--gas-adjustment", "1.5")
	out, err := m.exec(args...)
	require.NoError(m.t, err, "hyrad %s:\n%s", strings.Join(args, " "), out)
	var res struct {
		TxHash string `json:"txhash"`
		Code   uint32 `json:"code"`
		RawLog string `json:"raw_log"`
	}
	require.NoError(m.t, json.Unmarshal([]byte(hyradtest.LastLine(out)), &res), out)
	require.Zero(m.t, res.Code, "%s: %s", strings.Join(args, " "), res.RawLog)
	r := m.waitTx(node, res.TxHash)
	require.Zero(m.t, r.Code, "%s: %s", strings.Join(args, " "), r.Log)
}

// waitTx polls a node until a transaction is in a block.
func (m *market) waitTx(node *localnet.Node, hash string) localnet.TxResult {
	m.t.Helper()
	var res localnet.TxResult
	m.eventually(time.Minute, fmt.Sprintf("tx %s committed", hash), func() bool {
		r, found, err := node.Tx(m.ctx, hash)
		res = r
		return err == nil && found
	})
	return res
}

// query runs `hyrad query ARGS` against node i and decodes its JSON.
func (m *market) query(i int, v any, args ...string) {
	m.t.Helper()
	m.queryOn(m.node(i), v, args...)
}

// queryAt is query on the state after block h.
func (m *market) queryAt(i int, h int64, v any, args ...string) {
	m.t.Helper()
	m.queryOn(m.node(i), v, append(args, "--height", fmt.Sprint(h))...)
}

func (m *market) queryOn(node *localnet.Node, v any, args ...string) {
	m.t.Helper()
	args = append(append([]string{"query"}, args...), "--node", node.RPCAddr(), "--output", "json")
	out, err := m.exec(args...)
	require.NoError(m.t, err, "hyrad %s:\n%s", strings.Join(args, " "), out)
	require.NoError(m.t, json.Unmarshal([]byte(out), v), out)
}

// eventually polls cond every 250 ms until it holds; it fails the test after
// timeout or when the test's budget runs out.
func (m *market) eventually(timeout time.Duration, what string, cond func() bool) {
	m.t.Helper()
	ctx, cancel := context.WithTimeout(m.ctx, timeout)
	defer cancel()
	for !cond() {
		select {
		case <-ctx.Done():
			m.t.Fatalf("timed out after %s waiting for %s", timeout, what)
		case <-time.After(250 * time.Millisecond):
		}
	}
}
