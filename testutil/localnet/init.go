package localnet

import (
	"context"
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"regexp"
	"strings"
)

// Init creates a new network in cfg.Dir, which must not hold one already.
// Every validator has its own home, key and gentx; the first node collects
// the gentxs and every node gets the resulting genesis, loopback ports of its
// own and the other nodes as persistent peers. Nothing is started.
func Init(ctx context.Context, cfg Config) (*Net, error) {
	if err := cfg.fill(); err != nil {
		return nil, err
	}
	if _, err := os.Stat(filepath.Join(cfg.Dir, ManifestFile)); err == nil {
		return nil, fmt.Errorf("%s already holds a localnet", cfg.Dir)
	}
	if entries, _ := os.ReadDir(cfg.Dir); len(entries) > 0 {
		// Most likely an earlier Init that failed half-way.
		return nil, fmt.Errorf("%s is not empty but holds no localnet: remove it first", cfg.Dir)
	}
	ports, err := allocatePorts(cfg.Validators, cfg.BasePort)
	if err != nil {
		return nil, err
	}
	n := &Net{ChainID: cfg.ChainID, Dir: cfg.Dir, ClientHome: filepath.Join(cfg.Dir, "client"), Accounts: map[string]string{}}
	n.setup(cfg.Binary)
	for i := range cfg.Validators {
		node := &Node{Name: fmt.Sprintf("node%d", i), Home: filepath.Join(cfg.Dir, fmt.Sprintf("node%d", i)), Ports: ports[i], binary: cfg.Binary}
		if err := n.initNode(ctx, node); err != nil {
			return nil, err
		}
		n.Nodes = append(n.Nodes, node)
	}
	for _, name := range cfg.Accounts {
		addr, err := addKey(ctx, cfg.Binary, n.ClientHome, name)
		if err != nil {
			return nil, err
		}
		n.Accounts[name] = addr
	}
	cfg.Logf("localnet: %d validator homes and %d accounts created in %s", cfg.Validators, len(cfg.Accounts), cfg.Dir)
	if err := n.makeGenesis(ctx, cfg); err != nil {
		return nil, err
	}
	for _, node := range n.Nodes {
		if err := n.configure(node); err != nil {
			return nil, err
		}
	}
	if err := n.configureClient(); err != nil {
		return nil, err
	}
	return n, n.save()
}

// initNode runs `hyrad init` and creates the node's validator key.
func (n *Net) initNode(ctx context.Context, node *Node) error {
	if _, err := run(ctx, n.binary, "init", node.Name, "--chain-id", n.ChainID, "--home", node.Home); err != nil {
		return err
	}
	addr, err := addKey(ctx, n.binary, node.Home, "validator")
	if err != nil {
		return err
	}
	node.Validator = addr
	out, err := run(ctx, n.binary, "keys", "show", "validator", "--bech", "val", "-a", "--keyring-backend", "test", "--home", node.Home)
	if err != nil {
		return err
	}
	node.Operator = strings.TrimSpace(out)
	node.ID, err = nodeID(filepath.Join(node.Home, "config", "node_key.json"))
	return err
}

// addKey creates a test-keyring key and returns its address.
func addKey(ctx context.Context, bin, home, name string) (string, error) {
	out, err := run(ctx, bin, "keys", "add", name, "--keyring-backend", "test", "--home", home, "--output", "json")
	if err != nil {
		return "", err
	}
	var key struct {
		Address string `json:"address"`
	}
	if err := json.Unmarshal([]byte(lastLine(out)), &key); err != nil {
		return "", fmt.Errorf("keys add %s: %w: %s", name, err, out)
	}
	return key.Address, nil
}

// makeGenesis funds validators and accounts in node 0's genesis, applies the
// patch, has every node sign its gentx against that genesis, collects them on
// node 0 and copies the result to every node.
func (n *Net) makeGenesis(ctx context.Context, cfg Config) error {
	node0 := n.Nodes[0]
	var addrs []string
	for _, node := range n.Nodes {
		addrs = append(addrs, node.Validator)
	}
	for _, name := range cfg.Accounts {
		addrs = append(addrs, n.Accounts[name])
	}
	accountsFile, err := bulkAccounts(cfg.Dir, addrs, cfg.AccountCoins)
	if err != nil {
		return err
	}
	if _, err := run(ctx, n.binary, "genesis", "bulk-add-genesis-account", accountsFile, "--home", node0.Home); err != nil {
		return err
	}
	if err := patchGenesis(node0.genesisFile(), SinglePartyKeys(true)); err != nil {
		return err
	}
	if cfg.PatchGenesis != nil {
		if err := patchGenesis(node0.genesisFile(), cfg.PatchGenesis); err != nil {
			return err
		}
	}
	gentxDir := filepath.Join(cfg.Dir, "gentxs")
	if err := os.MkdirAll(gentxDir, 0o755); err != nil {
		return err
	}
	for _, node := range n.Nodes {
		if err := copyFile(node0.genesisFile(), node.genesisFile()); err != nil {
			return err
		}
		_, err := run(ctx, n.binary, "genesis", "gentx", "validator", cfg.Stake, "--chain-id", n.ChainID,
			"--keyring-backend", "test", "--home", node.Home, "--node-id", node.ID, "--ip", "127.0.0.1",
			"--p2p-port", fmt.Sprint(node.Ports.P2P), "--output-document", filepath.Join(gentxDir, node.Name+".json"))
		if err != nil {
			return err
		}
	}
	if _, err := run(ctx, n.binary, "genesis", "collect-gentxs", "--gentx-dir", gentxDir, "--home", node0.Home); err != nil {
		return err
	}
	if _, err := run(ctx, n.binary, "genesis", "validate", "--home", node0.Home); err != nil {
		return err
	}
	for _, node := range n.Nodes[1:] {
		if err := copyFile(node0.genesisFile(), node.genesisFile()); err != nil {
			return err
		}
	}
	return nil
}

var coinRE = regexp.MustCompile(`^([0-9]+)([a-zA-Z][a-zA-Z0-9/:._-]*)$`)

// bulkAccounts writes the file `genesis bulk-add-genesis-account` reads:
// one process funds every account instead of one process each.
func bulkAccounts(dir string, addrs []string, coins string) (string, error) {
	m := coinRE.FindStringSubmatch(coins)
	if m == nil {
		return "", fmt.Errorf("%q is not a coin amount like 1000uhyra", coins)
	}
	type coin struct {
		Denom  string `json:"denom"`
		Amount string `json:"amount"`
	}
	type account struct {
		Address string `json:"address"`
		Coins   []coin `json:"coins"`
	}
	var accs []account
	for _, a := range addrs {
		accs = append(accs, account{Address: a, Coins: []coin{{Denom: m[2], Amount: m[1]}}})
	}
	b, err := json.MarshalIndent(accs, "", "  ")
	if err != nil {
		return "", err
	}
	path := filepath.Join(dir, "genesis-accounts.json")
	return path, os.WriteFile(path, b, 0o644)
}

// copyFile copies a file with its permissions (keys stay private).
func copyFile(from, to string) error {
	info, err := os.Stat(from)
	if err != nil {
		return err
	}
	b, err := os.ReadFile(from)
	if err != nil {
		return err
	}
	return os.WriteFile(to, b, info.Mode().Perm())
}

func lastLine(s string) string {
	lines := strings.Split(strings.TrimSpace(s), "\n")
	return lines[len(lines)-1]
}
