package e2e_test

import (
	"path/filepath"
	"testing"
	"time"

	"github.com/stretchr/testify/require"

	"github.com/hyra-network/hyra/testutil/localnet"
	"github.com/hyra-network/hyra/zk/models"
)

// newIrisTaskChain starts a one-node chain (accounts owner, client, worker)
// on which a worker may hold maxActive claims, registers iris, and submits
// tasks iris tasks from the client (its samples in turn); it returns the
// node and the tasks' ids.
func newIrisTaskChain(t *testing.T, maxActive, tasks int) (*node, []uint64) {
	t.Helper()
	n := newSingleNodeChain(t, "owner", "client", "worker")
	require.NoError(t, localnet.PatchGenesisFile(filepath.Join(n.home, "config", "genesis.json"),
		localnet.SetParams("taskpool", map[string]any{"max_active_tasks": maxActive})))
	n.start()
	n.registerIris()
	samples, err := models.ParseSamples(models.IrisSamples)
	require.NoError(t, err)
	var ids []uint64
	for i := range tasks {
		res, err := n.infer("--model", "1", "--input", csv(samples.Samples[i%len(samples.Samples)].Input))
		require.NoError(t, err)
		ids = append(ids, res.TaskID)
	}
	return n, ids
}

// requireAllPaid waits for every task in ids to complete and checks that the
// worker account completed them all and earned its 850uhyra share of each.
func (n *node) requireAllPaid(ids []uint64) {
	n.t.Helper()
	for _, id := range ids {
		n.waitTaskStatus(id, "TASK_STATUS_COMPLETED", 2*time.Minute)
	}
	count, earned := n.workerRecord(n.address("worker"))
	require.Equal(n.t, itoa(len(ids)), count)
	require.Equal(n.t, itoa(len(ids)*850), earned)
}
