package e2e_test

import (
	"context"
	"crypto/sha256"
	"encoding/hex"
	"math/big"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/stretchr/testify/require"
)

const (
	mnistCNNArtifact = "../../zk/models/mnist-cnn/artifact.json"
	digitImages      = "../../zk/models/testdata/images"
)

// TestMNISTImageEndToEnd serves the bundled MNIST CNN (138,690 constraints,
// a proving key of about 59 MB) on the real binary: the owner registers it
// with the verifying key of a single-party `hyrad zk setup`, the worker
// daemon serves it from its keys directory, and `hyrad client infer --image`
// buys an inference from a committed PNG (28x28, then a 56x56 one the client
// resizes). Each task completes with a proof the chain verified, and the
// verified output predicts the digit named in the file. The image goes on
// chain as 784 bytes (UINT8); the same pixels sent as an old-style INT64
// task complete too.
func TestMNISTImageEndToEnd(t *testing.T) {
	n := newSingleNodeChain(t, "owner", "client", "worker")
	keys := t.TempDir()
	vk := n.setupCached(mnistCNNArtifact, keys)
	n.start()
	code, log := n.tx("modelregistry", "register-model", "mnist-cnn", "1000uhyra",
		"--artifact", mnistCNNArtifact, "--vk", vk,
		"--description", "MNIST digits, two conv layers", "--from", "owner")
	require.Zero(t, code, log)

	w := n.startDaemon("worker", "start", "--from", "worker", "--keys-dir", keys, "--poll-interval", "1s")
	w.waitLog("bonded", 2*time.Minute)

	worker := n.address("worker")
	for i, tc := range []struct{ image, label string }{
		{"digit-7-t10k-0000.png", "7"},
		{"digit-0-t10k-0003-56x56.png", "0"},
	} {
		start := time.Now()
		res, err := n.infer("--model", "1", "--image", filepath.Join(digitImages, tc.image), "--wait", "--wait-timeout", "100s")
		require.NoError(t, err, tc.image)
		t.Logf("%s: task %d, label %s, latency %d ms (command %s)", tc.image, res.TaskID, res.Label, res.LatencyMS, time.Since(start).Round(time.Millisecond))
		require.Equal(t, "COMPLETED", res.Status, tc.image)
		require.True(t, res.Verified, "the proof verifies locally too")
		require.Equal(t, worker, res.Worker)
		require.Equal(t, tc.label, res.Label, "%s is classified as its digit", tc.image)
		require.Len(t, res.Output, 10)

		var task struct {
			Task struct {
				Status string `json:"status"`
				Proof  string `json:"proof"`
			} `json:"task"`
		}
		require.Equal(t, 200, n.getJSON("/hyra/taskpool/v1/tasks/"+itoa(i+1), &task))
		require.Equal(t, "TASK_STATUS_COMPLETED", task.Task.Status, "the chain verified the proof before completing the task")
		require.NotEmpty(t, task.Task.Proof)
	}
	w.waitLog("paid=850uhyra", 10*time.Second)
	n.checkCompactImage()
	for _, line := range strings.Split(w.out.String(), "\n") {
		if strings.Contains(line, "model ready") || strings.Contains(line, "msg=proved") {
			t.Log(line) // the key's load time and each proof's
		}
		if _, tx, ok := strings.Cut(line, "msg=completed "); ok && strings.Contains(tx, " tx=") {
			_, tx, _ = strings.Cut(tx, " tx=")
			hash, _, _ := strings.Cut(tx, " ")
			size, gas := n.committedTx(hash)
			t.Logf("result tx %s: %d bytes, gas used %d", hash, size, gas) // BENCHMARKS.md, issue 17 session 8
		}
	}

	// The MNIST MLP's 288 KB artifact fits the default max_artifact_size and
	// CometBFT's transaction limit; the owner pays 10uhyra per artifact byte.
	mlp := "../../zk/models/mnist-mlp/artifact.json"
	st, err := os.Stat(mlp)
	require.NoError(t, err)
	owner := n.address("owner")
	ownerBefore, ok := new(big.Int).SetString(n.balance(owner), 10)
	require.True(t, ok)
	code, log = n.tx("modelregistry", "register-model", "mnist-mlp", "1000uhyra",
		"--artifact", mlp, "--vk", n.setupCached(mlp, t.TempDir()),
		"--description", "MNIST digits, 784-128-10", "--from", "owner")
	require.Zero(t, code, log)
	ownerAfter, _ := new(big.Int).SetString(n.balance(owner), 10)
	fee := new(big.Int).Sub(ownerBefore, ownerAfter) // the tx fee is zero on this chain
	require.Equal(t, big.NewInt(10_000_000+10*st.Size()).String(), fee.String())

	// An image a model cannot take is refused before anything is escrowed.
	client := n.address("client")
	before := n.balance(client)
	_, err = n.infer("--model", "1", "--image", mnistCNNArtifact)
	require.ErrorContains(t, err, "not a PNG or PGM")
	require.Equal(t, before, n.balance(client))
}

// setupCached writes a single-party proving and verifying key for an
// artifact into keysDir/<artifact sha256>/, where the worker looks for it,
// and returns the verifying key's path. The keys of a large model take a
// minute to make, so they are made once per machine and binary (in the
// system's temporary directory) and copied.
func (n *node) setupCached(artifactPath, keysDir string) string {
	n.t.Helper()
	b, err := os.ReadFile(artifactPath)
	require.NoError(n.t, err)
	sum := sha256.Sum256(b)
	name := hex.EncodeToString(sum[:])
	// The circuit is the binary's code as much as the artifact: a key is
	// reused only by the same binary on the same artifact.
	bin, err := os.ReadFile(hyrad)
	require.NoError(n.t, err)
	binSum := sha256.Sum256(bin)
	cache := filepath.Join(os.TempDir(), "hyra-e2e-keys", name+"-"+hex.EncodeToString(binSum[:8]))
	if _, err := os.Stat(filepath.Join(cache, "verifying.key")); err != nil {
		require.NoError(n.t, os.MkdirAll(filepath.Dir(cache), 0o755))
		tmp, err := os.MkdirTemp(filepath.Dir(cache), filepath.Base(cache)+".tmp")
		require.NoError(n.t, err)
		defer os.RemoveAll(tmp)
		start := time.Now()
		ctx, cancel := context.WithTimeout(context.Background(), 10*time.Minute)
		defer cancel()
		out, err := exec.CommandContext(ctx, hyrad, "zk", "setup", "--artifact", artifactPath, "--out", tmp, "--home", n.home).CombinedOutput()
		require.NoError(n.t, err, string(out))
		n.t.Logf("hyrad zk setup %s: %s", filepath.Base(filepath.Dir(artifactPath)), time.Since(start).Round(time.Millisecond))
		// Another run may have filled the cache meanwhile: either copy is good.
		if err := os.Rename(tmp, cache); err != nil {
			cache = tmp
		}
	}
	dst := filepath.Join(keysDir, name)
	require.NoError(n.t, os.MkdirAll(dst, 0o755))
	for _, f := range []string{"proving.key", "verifying.key"} {
		b, err := os.ReadFile(filepath.Join(cache, f))
		require.NoError(n.t, err)
		require.NoError(n.t, os.WriteFile(filepath.Join(dst, f), b, 0o600))
	}
	return filepath.Join(dst, "verifying.key")
}
