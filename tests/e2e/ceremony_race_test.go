package e2e_test

import (
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
	"time"

	"github.com/stretchr/testify/require"
)

// TestCeremonyBeginContributeAfterAnother is the race of a validator's `hyrad zk ceremony
// serve` with the owner's `hyrad zk ceremony begin --contribute`: serve reacts to the begin at
// once and can contribute between the owner's begin and the owner's own contribution. The owner
// must then verify that contribution and contribute on top of it (it used to fail: "the setup on
// chain is not the one just begun with no contributions"). The interleaving is forced, not
// timed: the test holds the transcript directory's lock, as serve does while it verifies and
// contributes, so the owner's contribution waits for it after the begin is recorded; meanwhile
// the validator contributes (on its copy of the transcript, which then replaces the shared one,
// as if serve had written there) and the lock is released.
func TestCeremonyBeginContributeAfterAnother(t *testing.T) {
	n := newSingleNodeChain(t, "owner")
	phase1 := ceremonyGenesis(t, n, 1<<10)
	n.start()
	transcript := filepath.Join(t.TempDir(), "phase2", "1-v1")
	code, log := n.tx("modelregistry", "register-model", "iris", "1000uhyra",
		"--artifact", "../../zk/models/iris/artifact.json", "--description", "iris species", "--from", "owner")
	require.Zero(t, code, log)

	require.NoError(t, os.MkdirAll(transcript, 0o755))
	lock, err := os.OpenFile(filepath.Join(transcript, ".lock"), os.O_CREATE|os.O_RDWR, 0o644)
	require.NoError(t, err)
	defer func() { _ = lock.Close() }()
	require.NoError(t, syscall.Flock(int(lock.Fd()), syscall.LOCK_EX))

	out := &syncBuffer{}
	owner := exec.Command(hyrad, "zk", "ceremony", "begin", "--contribute", "--model", "1", "--phase1", phase1,
		"--transcript", transcript, "--from", "owner", "--home", n.home)
	owner.Stdout, owner.Stderr = out, out
	require.NoError(t, owner.Start())
	exited := make(chan error, 1)
	go func() { exited <- owner.Wait() }()
	// The owner prints this once MsgBeginSetup is committed, then waits for the lock.
	waitFor(t, exited, out, "setup of model 1 version 1 begun", 3*time.Minute)

	validators := copyTranscript(t, transcript)
	text, err := n.exec("zk", "ceremony", "contribute", "--model", "1", "--phase1", phase1, "--transcript", validators, "--from", "validator")
	require.NoError(t, err, text)
	require.Contains(t, text, "contribution 1 to model 1 version 1 recorded")
	for _, name := range []string{ceremonyFile(t, validators, "001-"), "manifest.json"} {
		b, err := os.ReadFile(filepath.Join(validators, name))
		require.NoError(t, err)
		require.NoError(t, os.WriteFile(filepath.Join(transcript, name), b, 0o644))
	}
	require.NoError(t, syscall.Flock(int(lock.Fd()), syscall.LOCK_UN))

	select {
	case err := <-exited:
		require.NoError(t, err, out.String())
	case <-time.After(3 * time.Minute):
		t.Fatalf("the owner's begin --contribute did not finish:\n%s", out.String())
	}
	require.Contains(t, out.String(), "contribution 2 (the owner's) recorded")
	status := n.run("zk", "ceremony", "status", "--model", "1")
	require.Contains(t, status, "contribution 1: "+n.address("validator"))
	require.Contains(t, status, "contribution 2: "+n.address("owner"))
	verified, err := n.exec("zk", "ceremony", "verify", "--model", "1", "--phase1", phase1, "--transcript", transcript)
	require.NoError(t, err, verified)
}

// waitFor waits until a process's output contains s, failing if it exits first.
func waitFor(t *testing.T, exited <-chan error, out *syncBuffer, s string, timeout time.Duration) {
	t.Helper()
	deadline := time.After(timeout)
	for !strings.Contains(out.String(), s) {
		select {
		case err := <-exited:
			t.Fatalf("exited (%v) before printing %q:\n%s", err, s, out.String())
		case <-deadline:
			t.Fatalf("no %q within %s:\n%s", s, timeout, out.String())
		case <-time.After(100 * time.Millisecond):
		}
	}
}
