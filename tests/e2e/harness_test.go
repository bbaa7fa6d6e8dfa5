package e2e_test

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"io"
	"net"
	"net/http"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/stretchr/testify/require"

	"github.com/hyra-network/hyra/testutil/hyradtest"
	"github.com/hyra-network/hyra/testutil/localnet"
)

// hyrad is the binary under test, built once by TestMain (or given by $HYRAD).
var hyrad string

func TestMain(m *testing.M) {
	os.Exit(hyradtest.Main(m, "end-to-end tests", &hyrad))
}

// node is one hyrad process with its home and loopback ports.
type node struct {
	t                          *testing.T
	home                       string
	rpcPort, apiPort, grpcPort int
	p2pPort                    int
	cmd                        *exec.Cmd
	log                        *bytes.Buffer
	done                       chan struct{}
}

// freePort asks the kernel for a free loopback port.
func freePort(t *testing.T) int {
	t.Helper()
	l, err := net.Listen("tcp", "127.0.0.1:0")
	require.NoError(t, err)
	defer l.Close()
	return l.Addr().(*net.TCPAddr).Port
}

// newSingleNodeChain initialises a one-validator chain in a temporary home
// with funded test-keyring accounts `validator` and each of accounts. It
// accepts single-party verifying keys (the tests register the bundled models
// with their committed keys).
func newSingleNodeChain(t *testing.T, accounts ...string) *node {
	t.Helper()
	n := &node{t: t, home: t.TempDir(), rpcPort: freePort(t), apiPort: freePort(t), grpcPort: freePort(t), p2pPort: freePort(t)}
	n.run("init", "e2e", "--chain-id", "hyra-local-1")
	require.NoError(t, localnet.PatchGenesisFile(filepath.Join(n.home, "config", "genesis.json"), localnet.SinglePartyKeys(true)))
	for _, name := range append([]string{"validator"}, accounts...) {
		n.run("keys", "add", name, "--keyring-backend", "test")
		n.run("genesis", "add-genesis-account", name, "1000000000000uhyra", "--keyring-backend", "test")
	}
	n.run("genesis", "gentx", "validator", "100000000000uhyra", "--chain-id", "hyra-local-1", "--keyring-backend", "test")
	n.run("genesis", "collect-gentxs")
	n.run("genesis", "validate")
	n.run("config", "set", "client", "node", n.rpcAddr())
	n.run("config", "set", "client", "keyring-backend", "test")
	return n
}

func (n *node) rpcAddr() string { return fmt.Sprintf("tcp://127.0.0.1:%d", n.rpcPort) }
func (n *node) apiURL() string  { return fmt.Sprintf("http://127.0.0.1:%d", n.apiPort) }

// run runs a hyrad command against this node's home and returns its stdout;
// it fails the test if the command fails.
func (n *node) run(args ...string) string {
	n.t.Helper()
	out, err := n.exec(args...)
	require.NoError(n.t, err, "hyrad %s:\n%s", strings.Join(args, " "), out)
	return out
}

// exec runs a hyrad command and returns its combined output and error.
func (n *node) exec(args ...string) (string, error) {
	ctx, cancel := context.WithTimeout(context.Background(), 2*time.Minute)
	defer cancel()
	cmd := exec.CommandContext(ctx, hyrad, append(args, "--home", n.home)...)
	out, err := cmd.CombinedOutput()
	return string(out), err
}

// start starts the node and waits for its first blocks; the test stops it.
func (n *node) start() {
	n.t.Helper()
	n.log = &bytes.Buffer{}
	n.cmd = exec.Command(hyrad, "start", "--home", n.home,
		"--rpc.laddr", n.rpcAddr(),
		"--p2p.laddr", fmt.Sprintf("tcp://127.0.0.1:%d", n.p2pPort),
		"--grpc.address", fmt.Sprintf("127.0.0.1:%d", n.grpcPort),
		"--api.enable", "--api.address", fmt.Sprintf("tcp://127.0.0.1:%d", n.apiPort),
	)
	n.cmd.Stdout, n.cmd.Stderr = n.log, n.log
	require.NoError(n.t, n.cmd.Start())
	n.done = make(chan struct{})
	go func() { _ = n.cmd.Wait(); close(n.done) }()
	n.t.Cleanup(n.stop)
	n.waitHeight(2, time.Minute)
}

// stop interrupts the node and waits for it to exit.
func (n *node) stop() {
	if n.cmd == nil || n.cmd.Process == nil {
		return
	}
	_ = n.cmd.Process.Signal(os.Interrupt)
	select {
	case <-n.done:
	case <-time.After(20 * time.Second):
		_ = n.cmd.Process.Kill()
		<-n.done
	}
	if n.t.Failed() {
		n.t.Logf("node log (tail):\n%s", hyradtest.Tail(n.log.String(), 4000))
	}
	n.cmd = nil
}

// height asks the node's RPC for its latest block height.
func (n *node) height() (int64, error) {
	out, err := n.exec("status", "--node", n.rpcAddr())
	if err != nil {
		return 0, err
	}
	var st struct {
		SyncInfo struct {
			LatestBlockHeight string `json:"latest_block_height"`
		} `json:"sync_info"`
	}
	if err := json.Unmarshal([]byte(out), &st); err != nil {
		return 0, err
	}
	var h int64
	_, err = fmt.Sscan(st.SyncInfo.LatestBlockHeight, &h)
	return h, err
}

// waitHeight waits until the node has committed block h.
func (n *node) waitHeight(h int64, timeout time.Duration) {
	n.t.Helper()
	deadline := time.Now().Add(timeout)
	for time.Now().Before(deadline) {
		if cur, err := n.height(); err == nil && cur >= h {
			return
		}
		select {
		case <-n.done:
			n.t.Fatalf("node exited:\n%s", hyradtest.Tail(n.log.String(), 4000))
		case <-time.After(300 * time.Millisecond):
		}
	}
	n.t.Fatalf("height %d not reached in %s:\n%s", h, timeout, hyradtest.Tail(n.log.String(), 4000))
}

// tx broadcasts a transaction and returns its result code and raw log: the
// command waits until the transaction is in a block and prints its outcome,
// and exits non-zero if the transaction failed.
func (n *node) tx(args ...string) (uint32, string) {
	n.t.Helper()
	args = append(args, "--yes", "--output", "json", "--gas", "auto", "--gas-adjustment", "1.5")
	stdout, stderr, err := n.execSplit(append([]string{"tx"}, args...)...)
	var res struct {
		Code   uint32 `json:"code"`
		RawLog string `json:"raw_log"`
		Height int64  `json:"height,string"`
	}
	if json.Unmarshal([]byte(hyradtest.LastLine(stdout)), &res) != nil {
		// Simulation refused the transaction: report it like a failed result.
		require.Error(n.t, err, "hyrad tx %s printed no result:\n%s%s", strings.Join(args, " "), stdout, stderr)
		return 1, stderr
	}
	require.Equal(n.t, res.Code != 0, err != nil, "the exit status tells whether the transaction succeeded:\n%s%s", stdout, stderr)
	if res.Code == 0 {
		require.Positive(n.t, res.Height, "a successful transaction is reported once it is in a block")
	}
	return res.Code, res.RawLog
}

// execSplit runs a hyrad command and returns its stdout, its stderr and its error.
func (n *node) execSplit(args ...string) (string, string, error) {
	ctx, cancel := context.WithTimeout(context.Background(), 2*time.Minute)
	defer cancel()
	cmd := exec.CommandContext(ctx, hyrad, append(args, "--home", n.home)...)
	var stdout, stderr bytes.Buffer
	cmd.Stdout, cmd.Stderr = &stdout, &stderr
	err := cmd.Run()
	return stdout.String(), stderr.String(), err
}

// queryJSON runs a query command and decodes its JSON output into v.
func (n *node) queryJSON(v any, args ...string) {
	n.t.Helper()
	out := n.run(append(append([]string{"query"}, args...), "--output", "json")...)
	require.NoError(n.t, json.Unmarshal([]byte(out), v), out)
}

// getJSON fetches a REST path of the node's API server and decodes it.
func (n *node) getJSON(path string, v any) int {
	n.t.Helper()
	resp, err := http.Get(n.apiURL() + path)
	require.NoError(n.t, err)
	defer resp.Body.Close()
	body, err := io.ReadAll(resp.Body)
	require.NoError(n.t, err)
	if v != nil && resp.StatusCode == http.StatusOK {
		require.NoError(n.t, json.Unmarshal(body, v), string(body))
	}
	return resp.StatusCode
}

// address returns the bech32 address of a test-keyring key.
func (n *node) address(name string) string {
	return strings.TrimSpace(n.run("keys", "show", name, "-a", "--keyring-backend", "test"))
}
