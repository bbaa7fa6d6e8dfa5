package localnet

import (
	"context"
	"encoding/json"
	"os"
	"path/filepath"
)

// Import makes a one-node network in dir that starts a chain from a
// genesis written by `hyrad export`, signing with the validator key (and
// node key) of an existing node. Keeping a validator key is what lets the
// exported state start: the SDK refuses a fresh gentx on top of exported
// staking state (both x/staking and x/genutil would set the validator set),
// and `export --jail-allowed-addrs` cannot trim the set either. The kept
// validator must therefore hold more than 2/3 of the exported voting power.
// chainID, if set, renames the chain. clientHome is the keyring clients use.
func Import(ctx context.Context, binary, dir, genesisFile, chainID string, from *Node, clientHome string) (*Net, error) {
	abs, err := filepath.Abs(dir)
	if err != nil {
		return nil, err
	}
	ports, err := allocatePorts(1, 0)
	if err != nil {
		return nil, err
	}
	node := &Node{
		Name: "imported", Home: filepath.Join(abs, "imported"), Ports: ports[0], binary: binary,
		Validator: from.Validator, Operator: from.Operator,
	}
	b, err := os.ReadFile(genesisFile)
	if err != nil {
		return nil, err
	}
	var doc map[string]json.RawMessage
	if err := json.Unmarshal(b, &doc); err != nil {
		return nil, err
	}
	if chainID == "" {
		if err := json.Unmarshal(doc["chain_id"], &chainID); err != nil {
			return nil, err
		}
	}
	if doc["chain_id"], err = json.Marshal(chainID); err != nil {
		return nil, err
	}
	if b, err = json.MarshalIndent(doc, "", "  "); err != nil {
		return nil, err
	}
	if _, err := run(ctx, binary, "init", node.Name, "--chain-id", chainID, "--home", node.Home); err != nil {
		return nil, err
	}
	for _, f := range []string{"priv_validator_key.json", "node_key.json"} {
		if err := copyFile(filepath.Join(from.Home, "config", f), filepath.Join(node.Home, "config", f)); err != nil {
			return nil, err
		}
	}
	if err := os.WriteFile(node.genesisFile(), b, 0o644); err != nil {
		return nil, err
	}
	if _, err := run(ctx, binary, "genesis", "validate", "--home", node.Home); err != nil {
		return nil, err
	}
	if node.ID, err = nodeID(filepath.Join(node.Home, "config", "node_key.json")); err != nil {
		return nil, err
	}
	n := &Net{ChainID: chainID, Dir: abs, ClientHome: clientHome, Accounts: map[string]string{}, Nodes: []*Node{node}}
	n.setup(binary)
	return n, n.configure(node)
}
