package e2e_test

import (
	"bytes"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/stretchr/testify/require"

	"github.com/hyra-network/hyra/testutil/hyradtest"
	"github.com/hyra-network/hyra/zk/models"
)

// daemon is a long-running hyrad subcommand (the worker) whose output the
// test can read while it runs.
type daemon struct {
	t    *testing.T
	cmd  *exec.Cmd
	out  *syncBuffer
	done chan struct{}
}

// syncBuffer is a bytes.Buffer safe to read while a process writes to it.
type syncBuffer struct {
	mu  sync.Mutex
	buf bytes.Buffer
}

func (b *syncBuffer) Write(p []byte) (int, error) {
	b.mu.Lock()
	defer b.mu.Unlock()
	return b.buf.Write(p)
}

func (b *syncBuffer) String() string {
	b.mu.Lock()
	defer b.mu.Unlock()
	return b.buf.String()
}

// startDaemon starts `hyrad ARGS --home HOME`; the test stops it.
func (n *node) startDaemon(args ...string) *daemon {
	n.t.Helper()
	d := &daemon{t: n.t, out: &syncBuffer{}, done: make(chan struct{})}
	d.cmd = exec.Command(hyrad, append(args, "--home", n.home)...)
	d.cmd.Stdout, d.cmd.Stderr = d.out, d.out
	require.NoError(n.t, d.cmd.Start())
	go func() { _ = d.cmd.Wait(); close(d.done) }()
	n.t.Cleanup(d.stop)
	return d
}

// stop sends SIGINT, as Ctrl-C does, and waits for the daemon to exit. If
// the test failed it logs the daemon's output, also when the daemon had
// exited on its own before, with how it exited.
func (d *daemon) stop() {
	select {
	case <-d.done:
	default:
		_ = d.cmd.Process.Signal(os.Interrupt)
		select {
		case <-d.done:
		case <-time.After(60 * time.Second):
			_ = d.cmd.Process.Kill()
			<-d.done
		}
	}
	if d.t.Failed() {
		d.t.Logf("worker log (tail; %s):\n%s", d.cmd.ProcessState, hyradtest.Tail(d.out.String(), 6000))
	}
}

// waitLog waits until the daemon's output contains s.
func (d *daemon) waitLog(s string, timeout time.Duration) {
	d.t.Helper()
	deadline := time.Now().Add(timeout)
	for time.Now().Before(deadline) {
		if strings.Contains(d.out.String(), s) {
			return
		}
		select {
		case <-d.done:
			d.t.Fatalf("worker exited before logging %q:\n%s", s, hyradtest.Tail(d.out.String(), 6000))
		case <-time.After(200 * time.Millisecond):
		}
	}
	d.t.Fatalf("worker did not log %q within %s:\n%s", s, timeout, hyradtest.Tail(d.out.String(), 6000))
}

// registerIris registers the bundled iris model (price 1000uhyra) from the
// owner account; on a new chain it gets id 1.
func (n *node) registerIris() {
	n.t.Helper()
	code, log := n.tx("modelregistry", "register-model", "iris", "1000uhyra",
		"--artifact", "../../zk/models/iris/artifact.json", "--vk", "../../zk/models/iris/verifying.key",
		"--description", "iris species", "--from", "owner")
	require.Zero(n.t, code, log)
}

// setupDigits runs `hyrad zk setup` for the bundled digits model into the
// worker's keys directory (its proving key is not committed) and registers
// the model with the verifying key of that setup, from the owner account.
func (n *node) setupDigits(keysDir string) {
	n.t.Helper()
	sum := sha256.Sum256(models.DigitsArtifact)
	out := filepath.Join(keysDir, hex.EncodeToString(sum[:]))
	n.run("zk", "setup", "--artifact", "../../zk/models/digits/artifact.json", "--out", out)
	code, log := n.tx("modelregistry", "register-model", "digits", "1000uhyra",
		"--artifact", "../../zk/models/digits/artifact.json", "--vk", filepath.Join(out, "verifying.key"),
		"--description", "8x8 handwritten digits", "--from", "owner")
	require.Zero(n.t, code, log)
}

// inferOut is the JSON `hyrad client infer --output json` prints.
type inferOut struct {
	TaskID    uint64  `json:"task_id"`
	PoolID    uint64  `json:"pool_id"`
	Status    string  `json:"status"`
	Worker    string  `json:"worker"`
	Output    []int64 `json:"output"`
	Argmax    int     `json:"argmax"`
	Label     string  `json:"label"`
	Verified  bool    `json:"verified"`
	LatencyMS int64   `json:"latency_ms"`
	// Who set up the key the result was verified with.
	ArtifactHash      string `json:"artifact_hash"`
	SetupStatus       string `json:"setup_status"`
	SetupContributors uint32 `json:"setup_contributors"`
	SetupIndependent  uint32 `json:"setup_independent"`
}

// infer runs `hyrad client infer ARGS --output json --from client` and
// decodes the last line it prints.
func (n *node) infer(args ...string) (inferOut, error) {
	n.t.Helper()
	out, err := n.exec(append(append([]string{"client", "infer"}, args...), "--output", "json", "--from", "client")...)
	var res inferOut
	if err != nil {
		return res, &cliError{out: out, err: err}
	}
	require.NoError(n.t, json.Unmarshal([]byte(hyradtest.LastLine(out)), &res), out)
	return res, nil
}

type cliError struct {
	out string
	err error
}

func (e *cliError) Error() string { return e.err.Error() + ": " + e.out }

// csv joins a vector as the CLI takes it.
func csv(v []int64) string {
	s, _ := json.Marshal(v)
	return strings.Trim(string(s), "[]")
}

// balance returns an account's uhyra balance.
func (n *node) balance(addr string) string {
	n.t.Helper()
	var res struct {
		Balance struct {
			Amount string `json:"amount"`
		} `json:"balance"`
	}
	n.queryJSON(&res, "bank", "balance", addr, "uhyra")
	return res.Balance.Amount
}

// workerRecord returns a worker's task count and rewards from x/taskpool.
func (n *node) workerRecord(addr string) (tasks string, rewards string) {
	n.t.Helper()
	var res struct {
		Worker struct {
			Worker struct {
				TotalTasks   string `json:"total_tasks"`
				TotalRewards []struct {
					Amount string `json:"amount"`
				} `json:"total_rewards"`
			} `json:"worker"`
		} `json:"worker"`
	}
	n.queryJSON(&res, "taskpool", "worker", addr)
	if len(res.Worker.Worker.TotalRewards) > 0 {
		rewards = res.Worker.Worker.TotalRewards[0].Amount
	}
	return res.Worker.Worker.TotalTasks, rewards
}

func itoa(i int) string { return strconv.Itoa(i) }
