package e2e_test

import (
	"crypto/sha256"
	"encoding/base64"
	"encoding/hex"
	"encoding/json"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/stretchr/testify/require"

	"github.com/hyra-network/hyra/testutil/localnet"
	"github.com/hyra-network/hyra/zk/ceremony"
	"github.com/hyra-network/hyra/zk/models"
)

// TestCeremonyEndToEnd sets up the iris model's key through the binary as a network does, on
// the insecure test phase 1: registered without a key, begun and contributed to by its owner,
// then by a validator (independent of the owner) running `hyrad zk ceremony serve`, which
// contributes to every open setup without a step per model, then by the worker daemon by itself, then by
// anyone through `hyrad zk ceremony contribute`; finalized by the owner; the worker derives its proving key from
// the transcript and a task settles with a proof from it. `hyrad zk ceremony verify` passes on
// the transcript and fails naming the contribution when a file is tampered with or missing, and
// nobody contributes to a transcript that does not match the chain.
func TestCeremonyEndToEnd(t *testing.T) {
	n := newSingleNodeChain(t, "owner", "client", "worker", "bob")
	phase1 := ceremonyGenesis(t, n, 1<<10)
	n.start()
	root := t.TempDir()
	transcript := filepath.Join(root, "phase2", "1-v1")
	code, log := n.tx("modelregistry", "register-model", "iris", "1000uhyra",
		"--artifact", "../../zk/models/iris/artifact.json", "--description", "iris species", "--from", "owner")
	require.Zero(t, code, log)
	_, err := n.infer("--model", "1", "--input", "51,35,14,2")
	require.ErrorContains(t, err, "multi-party setup", "a PENDING version takes no tasks")

	setup := func(verb, from string, extra ...string) (string, error) {
		return n.exec(append([]string{"zk", "ceremony", verb, "--model", "1", "--phase1", phase1, "--transcript", transcript, "--from", from}, extra...)...)
	}
	out, err := setup("begin", "owner", "--contribute")
	require.NoError(t, err, out)
	require.Contains(t, out, "contribution 1 (the owner's) recorded")
	// The validator runs `zk ceremony serve` beside its node: no step per model. It starts after
	// the owner's contribution here, so that the order is known; the race of the two is
	// TestCeremonyBeginContributeAfterAnother.
	v := n.startDaemon("zk", "ceremony", "serve", "--from", "validator", "--phase1", phase1, "--ceremony-root", root, "--poll-interval", "1s")
	v.waitLog("contributed to setup", 2*time.Minute)
	require.Contains(t, v.out.String(), "index=2")
	v.stop()

	// A contributor whose copy of the transcript does not match the chain refuses to contribute.
	bad := copyTranscript(t, transcript)
	flipByte(t, filepath.Join(bad, ceremonyFile(t, bad, "001-")))
	out, err = n.exec("zk", "ceremony", "contribute", "--model", "1", "--phase1", phase1, "--transcript", bad, "--from", "bob")
	require.Error(t, err, out)
	require.Contains(t, out, "not contributing")
	require.Contains(t, out, "contribution 1")

	w := n.startDaemon("worker", "start", "--from", "worker", "--keys-dir", t.TempDir(), "--poll-interval", "1s",
		"--ceremony-root", root, "--phase1", phase1)
	w.waitLog("contributed to setup", 2*time.Minute)
	status := n.run("zk", "ceremony", "status", "--model", "1")
	require.Contains(t, status, "contribution 2: "+n.address("validator"))
	require.Contains(t, status, "contribution 3: "+n.address("worker"))
	require.NotContains(t, status, n.address("bob"))
	// Anyone may contribute by command, on the transcript that matches the chain.
	out, err = setup("contribute", "bob")
	require.NoError(t, err, out)
	require.Contains(t, out, "contribution 4 to model 1 version 1 recorded")

	out, err = setup("finalize", "owner", "--keys-dir", t.TempDir())
	require.NoError(t, err, out)
	require.Contains(t, out, "is the chain's")
	w.waitLog(`msg="model ready" model=1`, 2*time.Minute)
	require.Contains(t, w.out.String(), "multi-party setup by 4 parties, 2 of them independent of the owner")

	iris, err := models.ParseSamples(models.IrisSamples)
	require.NoError(t, err)
	res, err := n.infer("--model", "1", "--input", csv(iris.Samples[0].Input), "--wait", "--wait-timeout", "90s")
	require.NoError(t, err)
	require.Equal(t, "COMPLETED", res.Status)
	require.True(t, res.Verified)
	require.Equal(t, iris.Samples[0].Output, res.Output)
	sum := sha256.Sum256(models.IrisArtifact)
	require.Equal(t, hex.EncodeToString(sum[:]), res.ArtifactHash)
	require.Equal(t, "CEREMONY", res.SetupStatus)
	require.Equal(t, uint32(4), res.SetupContributors)
	require.Equal(t, uint32(2), res.SetupIndependent, "the validator and the bonded worker")
	text, err := n.exec("client", "infer", "--model", "1", "--input", csv(iris.Samples[1].Input), "--wait", "--wait-timeout", "90s", "--from", "client")
	require.NoError(t, err, text)
	require.Contains(t, text, "bound to:   artifact "+hex.EncodeToString(sum[:]))
	require.Contains(t, text, "key setup:  multi-party setup by 4 parties, 2 of them independent of the owner")

	verify := func(dir string) (string, error) {
		return n.exec("zk", "ceremony", "verify", "--model", "1", "--phase1", phase1, "--transcript", dir)
	}
	out, err = verify(transcript)
	require.NoError(t, err, out)
	require.Contains(t, out, "the transcript yields the chain's verifying key")
	// The same transcript served over HTTP.
	srv := httptest.NewServer(http.FileServer(http.Dir(transcript)))
	defer srv.Close()
	out, err = verify(srv.URL + "/")
	require.NoError(t, err, out)
	require.Contains(t, out, "the transcript yields the chain's verifying key")

	tampered := copyTranscript(t, transcript)
	flipByte(t, filepath.Join(tampered, ceremonyFile(t, tampered, "002-")))
	out, err = verify(tampered)
	require.Error(t, err, out)
	require.Contains(t, out, "contribution 2")
	require.Contains(t, out, n.address("validator"))

	missing := copyTranscript(t, transcript)
	require.NoError(t, os.Remove(filepath.Join(missing, ceremonyFile(t, missing, "003-"))))
	out, err = verify(missing)
	require.Error(t, err, out)
	require.Contains(t, out, "contribution 3")
	require.Contains(t, out, n.address("worker"))
}

// ceremonyGenesis writes the insecure test phase 1 of domain n next to the node's home and sets
// the genesis params a network sets from its phase 1, refusing single-party keys. It returns
// the phase-1 file's path.
func ceremonyGenesis(t *testing.T, n *node, domain uint64) string {
	t.Helper()
	phase1, err := ceremony.InsecureTestPhase1(domain)
	require.NoError(t, err)
	anchor, err := ceremony.Anchor(phase1)
	require.NoError(t, err)
	path := filepath.Join(t.TempDir(), "phase1.bin")
	require.NoError(t, os.WriteFile(path, phase1, 0o644))
	require.NoError(t, localnet.PatchGenesisFile(filepath.Join(n.home, "config", "genesis.json"), ceremonyParams(phase1, anchor.Alpha1, anchor.Beta1, anchor.Beta2)))
	return path
}

func ceremonyParams(phase1, alpha1, beta1, beta2 []byte) func(map[string]json.RawMessage) error {
	b64 := base64.StdEncoding.EncodeToString
	return localnet.SetParams("modelregistry", map[string]any{
		"allow_single_party_keys": false,
		"phase1_hash":             b64(ceremony.Phase1Hash(phase1)),
		"setup_anchor":            map[string]string{"alpha1": b64(alpha1), "beta1": b64(beta1), "beta2": b64(beta2)},
	})
}

// copyTranscript copies a transcript directory.
func copyTranscript(t *testing.T, dir string) string {
	t.Helper()
	out := t.TempDir()
	entries, err := os.ReadDir(dir)
	require.NoError(t, err)
	for _, e := range entries {
		b, err := os.ReadFile(filepath.Join(dir, e.Name()))
		require.NoError(t, err)
		require.NoError(t, os.WriteFile(filepath.Join(out, e.Name()), b, 0o644))
	}
	return out
}

// ceremonyFile is the name of the transcript file starting with prefix.
func ceremonyFile(t *testing.T, dir, prefix string) string {
	t.Helper()
	entries, err := os.ReadDir(dir)
	require.NoError(t, err)
	for _, e := range entries {
		if strings.HasPrefix(e.Name(), prefix) {
			return e.Name()
		}
	}
	t.Fatalf("no %s* file in %s", prefix, dir)
	return ""
}

// flipByte changes one byte in the middle of a file.
func flipByte(t *testing.T, path string) {
	t.Helper()
	b, err := os.ReadFile(path)
	require.NoError(t, err)
	b[len(b)/2] ^= 1
	require.NoError(t, os.WriteFile(path, b, 0o644))
}
