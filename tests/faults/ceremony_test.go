package faults_test

import (
	"context"
	"encoding/base64"
	"encoding/json"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
	"time"

	"github.com/stretchr/testify/require"

	"github.com/hyra-network/hyra/testutil/hyradtest"
	"github.com/hyra-network/hyra/testutil/localnet"
	"github.com/hyra-network/hyra/zk/ceremony"
	"github.com/hyra-network/hyra/zk/models"
)

// TestCeremonyOnALocalnet sets up the iris model's key on a 4-validator localnet whose genesis
// pins the insecure test phase 1 and refuses single-party keys: the owner begins the setup and
// contributes, two validators contribute with their own keys through other nodes (both
// independent of the owner), the owner finalizes through a third node, a worker daemon derives
// its proving key from the transcript, a task settles with a proof from it, and
// `hyrad zk ceremony verify` through the fourth node passes.
func TestCeremonyOnALocalnet(t *testing.T) {
	longScenario(t)
	ctx, cancel := context.WithTimeout(context.Background(), 8*time.Minute)
	defer cancel()
	phase1, err := ceremony.InsecureTestPhase1(1 << 10)
	require.NoError(t, err)
	anchor, err := ceremony.Anchor(phase1)
	require.NoError(t, err)
	phase1File := filepath.Join(t.TempDir(), "phase1.bin")
	require.NoError(t, os.WriteFile(phase1File, phase1, 0o644))
	b64 := base64.StdEncoding.EncodeToString
	net, err := localnet.Init(ctx, localnet.Config{
		Binary: hyrad, Dir: t.TempDir(), Accounts: []string{"owner", "client", "worker"}, Logf: t.Logf,
		PatchGenesis: func(state map[string]json.RawMessage) error {
			return localnet.SetParams("modelregistry", map[string]any{
				"allow_single_party_keys": false,
				"phase1_hash":             b64(ceremony.Phase1Hash(phase1)),
				"setup_anchor":            map[string]string{"alpha1": b64(anchor.Alpha1), "beta1": b64(anchor.Beta1), "beta2": b64(anchor.Beta2)},
			})(state)
		},
	})
	require.NoError(t, err)
	m := &market{t: t, ctx: ctx, net: net}
	t.Cleanup(net.Kill)
	require.NoError(t, net.Start(ctx, 2))

	m.tx("owner", "modelregistry", "register-model", "iris", "1000uhyra", "--artifact", "../../zk/models/iris/artifact.json", "--description", "iris")
	root := t.TempDir()
	transcript := filepath.Join(root, "phase2", "1-v1")
	// setup runs a ceremony verb through node i with the keyring in home.
	setup := func(i int, home, verb, from string, extra ...string) string {
		t.Helper()
		args := append([]string{
			"zk", "ceremony", verb, "--model", "1", "--phase1", phase1File, "--transcript", transcript,
			"--from", from, "--home", home, "--node", m.node(i).RPCAddr(), "--chain-id", net.ChainID, "--keyring-backend", "test",
		}, extra...)
		out, err := m.exec(args...)
		require.NoError(t, err, "hyrad %s:\n%s", strings.Join(args, " "), out)
		return out
	}
	setup(0, net.ClientHome, "begin", "owner", "--contribute")
	setup(1, m.node(1).Home, "contribute", "validator")
	setup(2, m.node(2).Home, "contribute", "validator")
	out := setup(3, net.ClientHome, "finalize", "owner", "--keys-dir", t.TempDir())
	require.Contains(t, out, "is the chain's")

	w := m.startWorker("worker", 1, "--ceremony-root", root, "--phase1", phase1File)
	w.waitLog(m, 0, regexp.MustCompile(`msg="model ready" model=1 .*multi-party setup by 3 parties, 2 of them independent`), 3*time.Minute)
	samples, err := models.ParseSamples(models.IrisSamples)
	require.NoError(t, err)
	res, err := m.exec("client", "infer", "--model", "1", "--input", csv(samples.Samples[0].Input), "--wait", "--wait-timeout", "90s",
		"--output", "json", "--from", "client", "--home", net.ClientHome, "--node", m.node(2).RPCAddr())
	require.NoError(t, err, res)
	var r struct {
		Status            string  `json:"status"`
		Verified          bool    `json:"verified"`
		Output            []int64 `json:"output"`
		SetupStatus       string  `json:"setup_status"`
		SetupContributors uint32  `json:"setup_contributors"`
		SetupIndependent  uint32  `json:"setup_independent"`
	}
	require.NoError(t, json.Unmarshal([]byte(hyradtest.LastLine(res)), &r), res)
	require.Equal(t, "COMPLETED", r.Status)
	require.True(t, r.Verified)
	require.Equal(t, samples.Samples[0].Output, r.Output)
	require.Equal(t, "CEREMONY", r.SetupStatus)
	require.Equal(t, uint32(3), r.SetupContributors)
	require.Equal(t, uint32(2), r.SetupIndependent, "the two validators")

	out, err = m.exec("zk", "ceremony", "verify", "--model", "1", "--phase1", phase1File, "--transcript", transcript, "--node", m.node(3).RPCAddr())
	require.NoError(t, err, out)
	require.Contains(t, out, "the transcript yields the chain's verifying key")
}
