package localnet

import (
	"fmt"
	"os/exec"
	"path/filepath"
	"sync"
)

// Node is one validator: its home, ports and keys, and its hyrad process
// when this program started it.
type Node struct {
	Name  string `json:"name"`
	Home  string `json:"home"`
	Ports Ports  `json:"ports"`
	// ID is the CometBFT node id that peers dial.
	ID string `json:"node_id"`
	// Validator is the account address of the node's validator key (in its
	// home's test keyring) and Operator its valoper address.
	Validator string `json:"validator"`
	Operator  string `json:"operator"`

	binary string
	mu     sync.Mutex
	cmd    *exec.Cmd
	done   chan struct{}
}

// RPCAddr is the CometBFT RPC address as --node takes it.
func (n *Node) RPCAddr() string { return fmt.Sprintf("tcp://127.0.0.1:%d", n.Ports.RPC) }

// RPCURL is the CometBFT RPC base URL.
func (n *Node) RPCURL() string { return fmt.Sprintf("http://127.0.0.1:%d", n.Ports.RPC) }

// APIURL is the REST server's base URL.
func (n *Node) APIURL() string { return fmt.Sprintf("http://127.0.0.1:%d", n.Ports.API) }

// GRPCAddr is the gRPC server address.
func (n *Node) GRPCAddr() string { return fmt.Sprintf("127.0.0.1:%d", n.Ports.GRPC) }

// LogFile is where the node's output goes (appended across restarts).
func (n *Node) LogFile() string { return filepath.Join(n.Home, "hyrad.log") }

// PIDFile holds the pid of the running node, so that another process
// (`make localnet-stop`) can stop it.
func (n *Node) PIDFile() string { return filepath.Join(n.Home, "hyrad.pid") }

func (n *Node) genesisFile() string { return filepath.Join(n.Home, "config", "genesis.json") }
