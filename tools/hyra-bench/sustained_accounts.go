package main

import (
	"encoding/json"
	"fmt"

	"github.com/hyra-network/hyra/testutil/localnet"
)

// In the sustained mode every worker holds tasksPerWorker tasks at once
// (x/taskpool max_active_tasks, which the bench's genesis raises to it):
// sustained worker j holds tasks tasksPerWorker*j+1 .. tasksPerWorker*(j+1),
// whatever the batch sizes, so that one cache of proofs serves every
// configuration. Results and claims per transaction divide it.
const (
	tasksPerWorker        = 100
	sustainedWorkerNumber = 1_000_000 // account number of sustained worker 0
)

// sustainedWorker is worker j of the sustained mode.
func sustainedWorker(j int) *account {
	return newAccount(fmt.Sprintf("sustained-worker-%d", j), sustainedWorkerNumber+uint64(j)) //nolint:gosec // G115: benchmark counts and ids, far below the type limits
}

// sustainedProofs are the sustained mode's results (iris or -model), held
// tasksPerWorker to a worker. Workers' keys are derived once.
func sustainedProofs(m *model, n int) proofSet {
	workers := make([]*account, (n+tasksPerWorker-1)/tasksPerWorker)
	for j := range workers {
		workers[j] = sustainedWorker(j)
	}
	return proofSet{m: m, tag: "-sustained", workerOf: func(i int) *account { return workers[i/tasksPerWorker] }}
}

// sustainedGenesis funds the owner, the client and the workers, and lets a
// worker hold tasksPerWorker claims.
func sustainedGenesis(workers []*account) func(map[string]json.RawMessage) error {
	accounts := patchAccounts(append([]*account{ownerAccount(), clientAccount()}, workers...))
	params := localnet.SetParams("taskpool", map[string]any{"max_active_tasks": tasksPerWorker})
	return func(state map[string]json.RawMessage) error {
		if err := accounts(state); err != nil {
			return err
		}
		return params(state)
	}
}
