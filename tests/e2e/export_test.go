package e2e_test

import (
	"bytes"
	"context"
	"encoding/json"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/cometbft/cometbft/crypto/ed25519"
	"github.com/stretchr/testify/require"

	"github.com/hyra-network/hyra/testutil/hyradtest"
)

// TestExportWritesOnlyJSON exports a two-validator chain to stdout, as
// `hyrad export > genesis.json` does, and requires stdout to be the genesis
// JSON alone (the node's log goes to stderr). It then exports for a zero
// height keeping only the first validator (--jail-allowed-addrs), which
// must jail the second one instead of failing in x/staking.
func TestExportWritesOnlyJSON(t *testing.T) {
	n := newSingleNodeChain(t, "val2")
	n.start()
	second := createValidator(t, n, "val2")
	first := strings.TrimSpace(n.run("keys", "show", "validator", "--bech", "val", "-a", "--keyring-backend", "test"))
	n.stop()

	stdout, stderr := n.stdout(t, "export")
	var doc struct {
		AppState struct {
			Staking struct {
				Validators []struct {
					OperatorAddress string `json:"operator_address"`
					Jailed          bool   `json:"jailed"`
				} `json:"validators"`
			} `json:"staking"`
		} `json:"app_state"`
		InitialHeight int64 `json:"initial_height"`
	}
	require.NoError(t, json.Unmarshal(stdout, &doc), "stdout of hyrad export is not JSON:\n%s\nstderr:\n%s", hyradtest.Tail(string(stdout), 2000), stderr)
	require.Greater(t, doc.InitialHeight, int64(1))
	require.Len(t, doc.AppState.Staking.Validators, 2)

	stdout, stderr = n.stdout(t, "export", "--for-zero-height", "--jail-allowed-addrs", first)
	require.NoError(t, json.Unmarshal(stdout, &doc), "stdout:\n%s\nstderr:\n%s", hyradtest.Tail(string(stdout), 2000), stderr)
	jailed := map[string]bool{}
	for _, v := range doc.AppState.Staking.Validators {
		jailed[v.OperatorAddress] = v.Jailed
	}
	require.Equal(t, map[string]bool{first: false, second: true}, jailed)

	// The zero-height genesis is a valid genesis.
	genesis := filepath.Join(t.TempDir(), "genesis.json")
	require.NoError(t, os.WriteFile(genesis, stdout, 0o600))
	n.run("genesis", "validate", genesis)
}

// stdout runs a hyrad command against the node's home and returns its
// stdout and stderr apart; it fails the test if the command fails.
func (n *node) stdout(t *testing.T, args ...string) ([]byte, string) {
	t.Helper()
	ctx, cancel := context.WithTimeout(context.Background(), 2*time.Minute)
	defer cancel()
	var stdout, stderr bytes.Buffer
	cmd := exec.CommandContext(ctx, hyrad, append(args, "--home", n.home)...)
	cmd.Stdout, cmd.Stderr = &stdout, &stderr
	require.NoError(t, cmd.Run(), "hyrad %s:\n%s", strings.Join(args, " "), stderr.String())
	return stdout.Bytes(), stderr.String()
}

// createValidator makes account name a validator with a small self-delegation
// and a fresh consensus key, and returns its operator address.
func createValidator(t *testing.T, n *node, name string) string {
	t.Helper()
	pub := ed25519.GenPrivKey().PubKey().Bytes()
	spec, err := json.Marshal(map[string]any{
		"pubkey":                     map[string]any{"@type": "/cosmos.crypto.ed25519.PubKey", "key": pub},
		"amount":                     "1000000000uhyra",
		"moniker":                    name,
		"commission-rate":            "0.1",
		"commission-max-rate":        "0.2",
		"commission-max-change-rate": "0.01",
		"min-self-delegation":        "1",
	})
	require.NoError(t, err)
	file := filepath.Join(t.TempDir(), "validator.json")
	require.NoError(t, os.WriteFile(file, spec, 0o600))
	code, log := n.tx("staking", "create-validator", file, "--from", name)
	require.Zero(t, code, log)
	return strings.TrimSpace(n.run("keys", "show", name, "--bech", "val", "-a", "--keyring-backend", "test"))
}
