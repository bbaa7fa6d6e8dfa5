package localnet

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"time"
)

// ManifestFile is the file in Dir that describes an initialised network.
const ManifestFile = "localnet.json"

// Net is an initialised network: its nodes, its client home and accounts.
type Net struct {
	ChainID string `json:"chain_id"`
	Dir     string `json:"dir"`
	// ClientHome holds the test keyring of Accounts and a client.toml that
	// points at node 0 (chain id, keyring backend test).
	ClientHome string `json:"client_home"`
	// Accounts maps each account name to its address.
	Accounts map[string]string `json:"accounts"`
	Nodes    []*Node           `json:"nodes"`

	binary string
}

// Load reads the manifest of a network initialised in dir, to start, stop
// or inspect it again with binary.
func Load(dir, binary string) (*Net, error) {
	b, err := os.ReadFile(filepath.Join(dir, ManifestFile))
	if err != nil {
		return nil, err
	}
	var n Net
	if err := json.Unmarshal(b, &n); err != nil {
		return nil, fmt.Errorf("%s: %w", ManifestFile, err)
	}
	n.setup(binary)
	return &n, nil
}

func (n *Net) setup(binary string) {
	n.binary = binary
	for _, node := range n.Nodes {
		node.binary = binary
	}
}

func (n *Net) save() error {
	b, err := json.MarshalIndent(n, "", "  ")
	if err != nil {
		return err
	}
	return os.WriteFile(filepath.Join(n.Dir, ManifestFile), b, 0o644)
}

// Start starts every node that is not running and waits until each has
// committed a block after the highest height any of them had stored (so a
// resumed network is producing blocks again, not just answering) and at
// least block minHeight.
func (n *Net) Start(ctx context.Context, minHeight int64) error {
	for _, node := range n.Nodes {
		if node.Running() {
			continue
		}
		if err := node.Start(); err != nil {
			return err
		}
	}
	target := max(minHeight, 1)
	for _, node := range n.Nodes {
		if err := node.WaitHeight(ctx, 0); err != nil {
			return err
		}
		st, err := node.Status(ctx)
		if err != nil {
			return err
		}
		target = max(target, st.Height+1)
	}
	for _, node := range n.Nodes {
		if err := node.WaitHeight(ctx, target); err != nil {
			return err
		}
	}
	return nil
}

// Stop stops every node (SIGTERM, then SIGKILL after grace).
func (n *Net) Stop(grace time.Duration) error {
	var errs []error
	for _, node := range n.Nodes {
		errs = append(errs, node.Stop(grace))
	}
	return errors.Join(errs...)
}

// Kill kills every node's process group at once: for test clean-up.
func (n *Net) Kill() {
	for _, node := range n.Nodes {
		_ = node.Kill()
	}
}

// run runs a command and returns its combined output; a failure carries the
// output, which is where hyrad says why.
func run(ctx context.Context, bin string, args ...string) (string, error) {
	cmd := exec.CommandContext(ctx, bin, args...)
	out, err := cmd.CombinedOutput()
	if err != nil {
		return string(out), fmt.Errorf("%s %s: %w\n%s", filepath.Base(bin), strings.Join(args, " "), err, out)
	}
	return string(out), nil
}
