package main

import (
	"context"
	"fmt"
	"io"
	"net"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"time"
)

// Accounts of the demo chain and their genesis balances (uhyra). The owners
// pay the registration fees (cnn-owner owns the MNIST CNN: its setup runs in
// the background, beside the owner's other transactions), the worker its
// bond, the client the rewards.
var accounts = []struct{ name, coins string }{
	{"validator", "1000000000000uhyra"},
	{"owner", "1000000000uhyra"},
	{"cnn-owner", "1000000000uhyra"},
	{"client", "1000000000uhyra"},
	{"worker", "100000000uhyra"},
}

const chainID = "hyra-local-1"

// localChain is a one-validator chain in a temporary home on free loopback
// ports, plus the worker daemon once started.
type localChain struct {
	hyrad   string
	home    string
	verbose bool
	rpc     string
	api     string
	ports   struct{ p2p, grpc int }
	node    *proc
	worker  *proc
	serve   *proc // the validator's `hyrad zk ceremony serve`
	// phase1 is the demo's (insecure, test-only) phase-1 file; phase1Took
	// how long making it took.
	phase1     string
	phase1Took time.Duration
}

// newLocalChain creates the home, keys and genesis of a new chain.
func newLocalChain(ctx context.Context, hyrad string, verbose bool) (*localChain, error) {
	home, err := os.MkdirTemp("", "hyra-demo-")
	if err != nil {
		return nil, err
	}
	c := &localChain{hyrad: hyrad, home: home, verbose: verbose}
	ports, err := freePorts(4)
	if err != nil {
		return c, err
	}
	c.rpc = fmt.Sprintf("tcp://127.0.0.1:%d", ports[0])
	c.api = fmt.Sprintf("http://127.0.0.1:%d", ports[1])
	c.ports.p2p, c.ports.grpc = ports[2], ports[3]

	steps := [][]string{{"init", "demo", "--chain-id", chainID}}
	for _, a := range accounts {
		steps = append(steps,
			[]string{"keys", "add", a.name, "--keyring-backend", "test"},
			[]string{"genesis", "add-genesis-account", a.name, a.coins, "--keyring-backend", "test"})
	}
	steps = append(steps,
		[]string{"genesis", "gentx", "validator", "100000000000uhyra", "--chain-id", chainID, "--keyring-backend", "test"},
		[]string{"genesis", "collect-gentxs"},
		[]string{"genesis", "validate"},
		[]string{"config", "set", "client", "node", c.rpc},
		[]string{"config", "set", "client", "chain-id", chainID},
		[]string{"config", "set", "client", "keyring-backend", "test"},
		// The node's metrics at API/metrics?format=prometheus (README, "Metrics").
		[]string{"config", "set", "app", "telemetry.enabled", "true"},
		[]string{"config", "set", "app", "telemetry.prometheus-retention-time", "600"},
	)
	for i, s := range steps {
		if _, err := c.cli(ctx, s...); err != nil {
			c.cleanup(false)
			return nil, err
		}
		if i > 0 {
			continue
		}
		// Right after init: the genesis params of the network's phase 1.
		start := time.Now()
		if c.phase1, err = writeDemoPhase1(home); err != nil {
			c.cleanup(false)
			return nil, err
		}
		c.phase1Took = time.Since(start)
	}
	return c, nil
}

// start runs the node and waits for its second block.
func (c *localChain) start(ctx context.Context) error {
	var err error
	c.node, err = c.spawn("node", "start",
		"--rpc.laddr", c.rpc,
		"--p2p.laddr", fmt.Sprintf("tcp://127.0.0.1:%d", c.ports.p2p),
		"--grpc.address", fmt.Sprintf("127.0.0.1:%d", c.ports.grpc),
		"--api.enable", "--api.address", "tcp://"+strings.TrimPrefix(c.api, "http://"))
	if err != nil {
		return err
	}
	deadline := time.Now().Add(time.Minute)
	for time.Now().Before(deadline) {
		if h, err := c.height(ctx); err == nil && h >= 2 {
			return nil
		}
		select {
		case <-ctx.Done():
			return ctx.Err()
		case <-c.node.done:
			return fmt.Errorf("the node exited:\n%s", c.node.tail())
		case <-time.After(300 * time.Millisecond):
		}
	}
	return fmt.Errorf("the node produced no block within a minute:\n%s", c.node.tail())
}

// startWorker runs `hyrad worker start` for the worker account. It reads the
// setup transcripts from the demo's ceremony directory: it contributes to the
// open setups and derives its proving keys from the finished ones.
func (c *localChain) startWorker(ctx context.Context) error {
	var err error
	c.worker, err = c.spawn("worker", "worker", "start", "--from", "worker", "--keys-dir", filepath.Join(c.home, "worker-keys"),
		"--ceremony-root", c.ceremonyRoot(), "--phase1", c.phase1, "--poll-interval", "1s")
	if err != nil {
		return err
	}
	// The worker is ready once it has registered and bonded.
	addr, err := c.address(ctx, "worker")
	if err != nil {
		return err
	}
	deadline := time.Now().Add(time.Minute)
	for time.Now().Before(deadline) {
		var rec struct {
			Worker struct {
				Worker struct {
					Active bool `json:"active"`
				} `json:"worker"`
			} `json:"worker"`
		}
		var bond struct {
			CanClaim bool `json:"can_claim"`
		}
		if c.rest(ctx, &rec, "/hyra/taskpool/v1/workers/"+addr) == nil && rec.Worker.Worker.Active &&
			c.rest(ctx, &bond, "/hyra/rewards/v1/workers/"+addr+"/bond") == nil && bond.CanClaim {
			return nil
		}
		select {
		case <-ctx.Done():
			return ctx.Err()
		case <-c.worker.done:
			return fmt.Errorf("the worker exited:\n%s", c.worker.tail())
		case <-time.After(500 * time.Millisecond):
		}
	}
	return fmt.Errorf("the worker did not register and bond within a minute:\n%s", c.worker.tail())
}

// cleanup stops the worker and the validator's ceremony serve, then the node, and removes the
// home.
func (c *localChain) cleanup(keepHome bool) {
	for _, p := range []*proc{c.worker, c.serve} {
		if p != nil {
			p.stop()
		}
	}
	if c.node != nil {
		c.node.stop()
	}
	if keepHome {
		fmt.Printf("home kept: %s\n", c.home)
		return
	}
	_ = os.RemoveAll(c.home)
}

// spawn starts a long-running hyrad process whose output goes to a log file
// in the home (and to the terminal with -v).
func (c *localChain) spawn(name string, args ...string) (*proc, error) {
	logPath := filepath.Join(c.home, name+".log")
	f, err := os.Create(logPath)
	if err != nil {
		return nil, err
	}
	cmd := exec.Command(c.hyrad, append(args, "--home", c.home)...)
	var w io.Writer = f
	if c.verbose {
		w = io.MultiWriter(f, &prefixWriter{prefix: name + "| ", w: os.Stdout})
	}
	cmd.Stdout, cmd.Stderr = w, w
	if err := cmd.Start(); err != nil {
		_ = f.Close() // the start error is the one to report
		return nil, err
	}
	p := &proc{name: name, cmd: cmd, log: f, logPath: logPath, done: make(chan struct{})}
	go func() { _ = cmd.Wait(); _ = f.Close(); close(p.done) }()
	return p, nil
}

// freePorts asks the kernel for n distinct free loopback ports.
func freePorts(n int) ([]int, error) {
	var ports []int
	var ls []net.Listener
	defer func() {
		for _, l := range ls {
			l.Close()
		}
	}()
	for range n {
		l, err := net.Listen("tcp", "127.0.0.1:0")
		if err != nil {
			return nil, err
		}
		ls = append(ls, l)
		ports = append(ports, l.Addr().(*net.TCPAddr).Port)
	}
	return ports, nil
}
