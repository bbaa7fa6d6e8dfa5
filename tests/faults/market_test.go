package faults_test

import (
	"context"
	"os"
	"testing"
	"time"

	"github.com/stretchr/testify/require"

	"github.com/hyra-network/hyra/testutil/hyradtest"
	"github.com/hyra-network/hyra/testutil/localnet"
	"github.com/hyra-network/hyra/zk/models"
)

// The market every scenario runs: model 1 is the bundled iris model, served
// by the workers from pool 1 (claim timeout 15 s, so a lost claim comes back
// quickly); model 2 is the same artifact under another id that no worker
// serves (they run with --models 1 or --pools 1), so its tasks can only
// expire or be cancelled. min_task_ttl is lowered to 10 s so that expiry
// happens within a test.
const (
	servedModel  = "1"
	idleModel    = "2"
	fastPool     = "1"
	claimTimeout = 15 * time.Second
	price        = 1000 // uhyra, the price of both models
)

// market is a 4-validator localnet with the models and pool above.
type market struct {
	t       *testing.T
	ctx     context.Context
	net     *localnet.Net
	keysDir string
	inputs  [][]int64
}

var accounts = []string{"owner", "client1", "client2", "worker1", "worker2"}

// newMarket starts the network and sets the market up. budget bounds the
// whole test: every wait in it ends by then at the latest.
func newMarket(t *testing.T, budget time.Duration) *market {
	t.Helper()
	ctx, cancel := context.WithTimeout(context.Background(), budget)
	t.Cleanup(cancel)
	dir := t.TempDir()
	net, err := localnet.Init(ctx, localnet.Config{
		Binary:       hyrad,
		Dir:          dir,
		Accounts:     accounts,
		PatchGenesis: localnet.SetParams("taskpool", map[string]any{"min_task_ttl": "10s"}),
		Logf:         t.Logf,
	})
	require.NoError(t, err)
	m := &market{t: t, ctx: ctx, net: net, keysDir: hyradtest.IrisKeysDir(t)}
	t.Cleanup(func() {
		net.Kill()
		if t.Failed() {
			for _, n := range net.Nodes {
				b, _ := os.ReadFile(n.LogFile())
				t.Logf("%s log (tail):\n%s", n.Name, hyradtest.Tail(string(b), 2000))
				keepLogs(t, n.Name, b)
			}
		}
	})
	start := time.Now()
	require.NoError(t, net.Start(ctx, 2))
	t.Logf("4 validators up in %s", time.Since(start).Round(time.Millisecond))

	samples, err := models.ParseSamples(models.IrisSamples)
	require.NoError(t, err)
	for _, s := range samples.Samples {
		m.inputs = append(m.inputs, s.Input)
	}
	iris := []string{"--artifact", "../../zk/models/iris/artifact.json", "--vk", "../../zk/models/iris/verifying.key"}
	m.tx("owner", append([]string{"modelregistry", "register-model", "iris", "1000uhyra", "--description", "served"}, iris...)...)
	m.tx("owner", append([]string{"modelregistry", "register-model", "iris-idle", "1000uhyra", "--description", "no worker serves it"}, iris...)...)
	m.tx("owner", "taskpool", "create-pool", servedModel, "fast", claimTimeout.String())
	return m
}

// addr is the address of a client-home account.
func (m *market) addr(name string) string { return m.net.Accounts[name] }

// node returns node i.
func (m *market) node(i int) *localnet.Node { return m.net.Nodes[i] }
