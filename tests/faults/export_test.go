package faults_test

import (
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"testing"
	"time"

	"github.com/stretchr/testify/require"

	"github.com/hyra-network/hyra/testutil/localnet"
)

// TestExportImport exports the state of a stopped localnet node while tasks
// are open and claimed and workers hold bonds (one partly unbonding), starts
// a new single-validator chain from that genesis, and checks that it serves
// the same models, pools, tasks, workers, bonds and validators, and that its
// live tasks are still worked: the claimed one by the worker that holds it,
// the open ones through new claims.
//
// How the validator set is handled: CometBFT needs more than 2/3 of the
// voting power to commit, so a single node can run the exported state only
// if its validator holds that power. A fresh gentx on top of an exported
// state is refused by the SDK ("validator InitGenesis updates already set by
// a previous module": x/staking and x/genutil would both set the set), and
// `export --for-zero-height --jail-allowed-addrs` would restart the heights
// at zero. So, as a chain hands over to fewer validators, validators 1..3
// unbond their self-delegation first; node 0 then holds all the power, and
// the new chain keeps node 0's validator key. The export is at the current
// height (not zero height), so the new chain continues the heights and keeps
// every timestamp.
func TestExportImport(t *testing.T) {
	m := newMarket(t, 6*time.Minute)
	w1 := m.startWorker("worker1", 0, "--pools", fastPool)
	w1.waitLog(m, 0, reReady, 2*time.Minute)
	for k := range 2 {
		m.tx("client1", "taskpool", "submit-task", fastPool, csv(m.inputs[k]), "1000uhyra", "--ttl", "10m")
	}
	m.waitCompleted(0, 2, 2*time.Minute)
	w1.stop()

	// Live state: a pool with a long claim timeout, three open tasks, one
	// of them claimed by worker2 (bonded by hand, part of it unbonding), and
	// a cancelled task.
	m.tx("owner", "taskpool", "create-pool", servedModel, "slow", "10m")
	slow := m.poolID("slow")
	m.tx("worker2", "taskpool", "register-worker")
	m.tx("worker2", "rewards", "bond", "20000000uhyra")
	m.tx("worker2", "rewards", "unbond", "5000000uhyra")
	for k := range 3 {
		m.tx("client2", "taskpool", "submit-task", slow, csv(m.inputs[k]), "2000uhyra", "--ttl", "30m")
	}
	m.tx("worker2", "taskpool", "claim", slow)
	id, err := m.infer(m.node(0).RPCAddr(), "client1", idleModel, csv(m.inputs[0]), 10*time.Minute)
	require.NoError(t, err)
	m.tx("client1", "taskpool", "cancel-task", fmt.Sprint(id))

	// Hand the voting power over to node 0.
	for _, n := range m.net.Nodes[1:] {
		m.txOn(n, n.Home, m.net.ChainID, "validator", "staking", "unbond", n.Operator, localnet.DefaultStake)
	}
	m.eventually(time.Minute, "node0 to be the only validator", func() bool {
		vs, err := m.node(0).Validators(m.ctx)
		return err == nil && len(vs) == 1
	})
	for _, n := range m.net.Nodes[1:] {
		require.NoError(t, n.Stop(30*time.Second))
	}
	m.waitBlocks([]int{0}, 2, time.Minute) // node 0 commits alone
	before := m.marketState()
	counts := countStatus(m.tasksAt(0, m.height(0)))
	require.NoError(t, m.node(0).Stop(30*time.Second))

	exported, start := m.node(0).Name, time.Now()
	genesis := filepath.Join(t.TempDir(), "exported-genesis.json")
	out, err := m.exec("export", "--home", m.node(0).Home, "--output-document", genesis)
	require.NoError(t, err, out)
	exportTook := time.Since(start)
	var doc struct {
		InitialHeight int64 `json:"initial_height"`
	}
	b, err := os.ReadFile(genesis)
	require.NoError(t, err)
	require.NoError(t, json.Unmarshal(b, &doc))

	imported, err := localnet.Import(m.ctx, hyrad, t.TempDir(), genesis, "hyra-imported-1", m.node(0), m.net.ClientHome)
	require.NoError(t, err)
	t.Cleanup(imported.Kill)
	imported.Accounts = m.net.Accounts
	m.net = imported // from here on, node 0 is the imported chain's only node
	start = time.Now()
	require.NoError(t, imported.Start(m.ctx, 1))
	firstBlock := time.Since(start)
	after := m.marketState()
	for what, v := range before {
		require.Equal(t, v, after[what], "%s after import", what)
	}
	t.Logf("FIGURE export: %s exported in %s (%d KiB, initial height %d) with tasks %v; the new chain committed its first block %s after start and serves identical %d state queries",
		exported, exportTook.Round(time.Millisecond), len(b)/1024, doc.InitialHeight, counts, firstBlock.Round(time.Millisecond), len(before))

	// The live tasks go on: worker2 finishes the task it claimed on the old
	// chain, then claims the other two.
	m.startWorker("worker2", 0, "--pools", slow)
	m.eventually(3*time.Minute, "the tasks of pool "+slow+" to complete on the new chain", func() bool {
		for _, tk := range m.tasksAt(0, m.height(0)) {
			if fmt.Sprint(tk.PoolID) == slow && tk.Status != statusCompleted {
				return false
			}
		}
		return true
	})
	escrow := m.checkEscrow(0, m.height(0))
	t.Logf("FIGURE import: the claimed and open tasks exported with the state were completed on the new chain; escrow %duhyra = open+claimed escrows", escrow)
}

// poolID finds a pool by name.
func (m *market) poolID(name string) string {
	m.t.Helper()
	var res struct {
		Pools []struct {
			ID   string `json:"id"`
			Name string `json:"name"`
		} `json:"pools"`
	}
	m.query(0, &res, "taskpool", "pools")
	for _, p := range res.Pools {
		if p.Name == name {
			return p.ID
		}
	}
	m.t.Fatalf("no pool named %q", name)
	return ""
}

// marketState reads, from node 0, everything the market's state consists
// of, as the CLI prints it: models, pools, tasks, workers, worker bonds and
// unbondings, validators, and the escrow account's balance.
func (m *market) marketState() map[string]any {
	m.t.Helper()
	state := map[string]any{}
	read := func(args ...string) {
		var v any
		m.query(0, &v, args...)
		state[fmt.Sprint(args)] = v
	}
	read("modelregistry", "models")
	read("taskpool", "pools")
	read("taskpool", "tasks", "--page-limit", "1000")
	read("taskpool", "workers")
	for _, w := range []string{"worker1", "worker2"} {
		read("rewards", "bond", m.addr(w))
		read("rewards", "unbondings", m.addr(w))
	}
	read("staking", "validators")
	read("bank", "balances", m.moduleAddress(0, "taskpool"))
	return state
}
