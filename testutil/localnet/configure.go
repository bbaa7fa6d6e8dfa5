package localnet

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"
)

// configure gives a node its ports, its peers and loopback-friendly p2p
// settings (several nodes on one IP), and turns the REST server and its
// Prometheus metrics (API/metrics?format=prometheus) on.
func (n *Net) configure(node *Node) error {
	var peers []string
	for _, other := range n.Nodes {
		if other != node {
			peers = append(peers, fmt.Sprintf("%s@127.0.0.1:%d", other.ID, other.Ports.P2P))
		}
	}
	cfg := filepath.Join(node.Home, "config", "config.toml")
	if err := setTOML(cfg, "rpc", map[string]string{
		"laddr":       quote(fmt.Sprintf("tcp://127.0.0.1:%d", node.Ports.RPC)),
		"pprof_laddr": quote(""), // the default 6060 would be shared by every node
	}); err != nil {
		return err
	}
	if err := setTOML(cfg, "p2p", map[string]string{
		"laddr":              quote(fmt.Sprintf("tcp://127.0.0.1:%d", node.Ports.P2P)),
		"persistent_peers":   quote(strings.Join(peers, ",")),
		"addr_book_strict":   "false",
		"allow_duplicate_ip": "true",
	}); err != nil {
		return err
	}
	if err := setTOML(cfg, "consensus", map[string]string{"timeout_commit": quote("1s")}); err != nil {
		return err
	}
	app := filepath.Join(node.Home, "config", "app.toml")
	if err := setTOML(app, "api", map[string]string{
		"enable":  "true",
		"address": quote(fmt.Sprintf("tcp://127.0.0.1:%d", node.Ports.API)),
	}); err != nil {
		return err
	}
	if err := setTOML(app, "telemetry", map[string]string{"enabled": "true", "prometheus-retention-time": "600"}); err != nil {
		return err
	}
	return setTOML(app, "grpc", map[string]string{"address": quote(fmt.Sprintf("127.0.0.1:%d", node.Ports.GRPC))})
}

// configureClient writes the client home's client.toml: chain id, test
// keyring and node 0, so that client commands need only --home.
func (n *Net) configureClient() error {
	path := filepath.Join(n.ClientHome, "config", "client.toml")
	if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
		return err
	}
	if err := copyFile(filepath.Join(n.Nodes[0].Home, "config", "client.toml"), path); err != nil {
		return err
	}
	return setTOML(path, "", map[string]string{
		"chain-id":        quote(n.ChainID),
		"keyring-backend": quote("test"),
		"node":            quote(n.Nodes[0].RPCAddr()),
	})
}
