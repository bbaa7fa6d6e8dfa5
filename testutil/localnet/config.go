package localnet

import (
	"encoding/json"
	"errors"
	"fmt"
	"net"
	"path/filepath"
)

// Config describes a network to create.
type Config struct {
	// Binary is the hyrad executable.
	Binary string
	// Dir holds everything: DIR/node<i> (one home per validator), DIR/client
	// (the test keyring of Accounts and a client.toml pointing at node 0) and
	// DIR/localnet.json (the manifest that later commands load).
	Dir string
	// ChainID of the network (default DefaultChainID).
	ChainID string
	// Validators is the number of validator nodes (default 4).
	Validators int
	// Accounts are funded test-keyring accounts created in the client home.
	Accounts []string
	// AccountCoins is the genesis balance of each account and validator
	// (default 1000000000000uhyra); Stake is each validator's self-delegation
	// (default 100000000000uhyra).
	AccountCoins, Stake string
	// BasePort fixes the ports: node i listens on BasePort+10*i and the next
	// three ports (p2p, RPC, gRPC, REST). Zero asks the kernel for free ports,
	// as tests do.
	BasePort int
	// PatchGenesis may change the app state before the gentxs are made, e.g.
	// to shorten a module's params for a test. It runs after the localnet's
	// own patch (SinglePartyKeys), so it can undo it.
	PatchGenesis func(appState map[string]json.RawMessage) error
	// Logf reports progress; nil is silent.
	Logf func(format string, args ...any)
}

// Defaults of a Config.
const (
	DefaultChainID      = "hyra-localnet-1"
	DefaultValidators   = 4
	DefaultAccountCoins = "1000000000000uhyra"
	DefaultStake        = "100000000000uhyra"
)

func (c *Config) fill() error {
	if c.Binary == "" || c.Dir == "" {
		return errors.New("localnet: Binary and Dir are required")
	}
	if c.ChainID == "" {
		c.ChainID = DefaultChainID
	}
	if c.Validators == 0 {
		c.Validators = DefaultValidators
	}
	if c.AccountCoins == "" {
		c.AccountCoins = DefaultAccountCoins
	}
	if c.Stake == "" {
		c.Stake = DefaultStake
	}
	if c.Logf == nil {
		c.Logf = func(string, ...any) {}
	}
	abs, err := filepath.Abs(c.Dir)
	c.Dir = abs
	return err
}

// Ports are a node's loopback listeners.
type Ports struct {
	P2P  int `json:"p2p"`
	RPC  int `json:"rpc"`
	GRPC int `json:"grpc"`
	API  int `json:"api"`
}

// allocatePorts returns n sets of ports: fixed from base, each checked to be
// free, or (base 0) free ports from the kernel, all distinct because every
// listener stays open until all are chosen.
func allocatePorts(n, base int) ([]Ports, error) {
	var listeners []net.Listener
	defer func() {
		for _, l := range listeners {
			_ = l.Close()
		}
	}()
	take := func(port int) (int, error) {
		l, err := net.Listen("tcp", fmt.Sprintf("127.0.0.1:%d", port))
		if err != nil {
			return 0, fmt.Errorf("port %d is taken (is a localnet already running? stop it, or choose other ports): %w", port, err)
		}
		listeners = append(listeners, l)
		return l.Addr().(*net.TCPAddr).Port, nil
	}
	out := make([]Ports, n)
	for i := range out {
		var ps [4]int
		for j := range ps {
			want := 0
			if base != 0 {
				want = base + 10*i + j
			}
			p, err := take(want)
			if err != nil {
				return nil, err
			}
			ps[j] = p
		}
		out[i] = Ports{P2P: ps[0], RPC: ps[1], GRPC: ps[2], API: ps[3]}
	}
	return out, nil
}

// checkPortsFree fails if another process listens on one of the ports, so
// that a node does not start only to die on a bind error.
func checkPortsFree(p Ports) error {
	for _, port := range []int{p.P2P, p.RPC, p.GRPC, p.API} {
		l, err := net.Listen("tcp", fmt.Sprintf("127.0.0.1:%d", port))
		if err != nil {
			return fmt.Errorf("port %d is taken: %w", port, err)
		}
		_ = l.Close()
	}
	return nil
}
