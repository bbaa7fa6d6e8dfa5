package keeper_test

import (
	"testing"

	"github.com/stretchr/testify/require"

	"github.com/hyra-network/hyra/x/taskpool/types"
)

// TestPrivateGenesis: private tasks, with a claim whose input is posted,
// export and import unchanged, and genesis validation refuses private-task
// fields that no transition could have written.
func TestPrivateGenesis(t *testing.T) {
	f := newFixture(t)
	poolID, id := f.privateSetup()
	f.submitPrivate(poolID)
	f.claimPrivate(f.worker, poolID, id)
	require.NoError(t, f.postInput(id, []byte("input sealed to the worker")))
	gs, err := f.k.ExportGenesis(f.ctx)
	require.NoError(t, err)
	require.NoError(t, gs.Validate())

	g := newFixture(t)
	g.makePrivate()
	require.NoError(t, g.k.InitGenesis(g.ctx, gs))
	again, err := g.k.ExportGenesis(g.ctx)
	require.NoError(t, err)
	require.Equal(t, gs, again)

	tests := []struct {
		name    string
		task    int // index in gs.Tasks: 0 is CLAIMED with its input posted, 1 is OPEN
		mutate  func(*types.Task)
		wantErr string
	}{
		{name: "private task with a plaintext input", task: 1, mutate: func(t *types.Task) { t.Input = f.irisInput() }, wantErr: "carries no input"},
		{name: "private task without commitment", task: 1, mutate: func(t *types.Task) { t.InputCommitment = nil }, wantErr: "input commitment is 0 bytes"},
		{name: "open private task with a worker key", task: 1, mutate: func(t *types.Task) { t.WorkerKey = workerKey }, wantErr: "keeps no worker_key"},
		{name: "claimed private task without a worker key", task: 0, mutate: func(t *types.Task) { t.WorkerKey = nil }, wantErr: "needs the worker's 32-byte key"},
		{name: "oversized posted input", task: 0, mutate: func(t *types.Task) { t.InputCiphertext = make([]byte, types.MaxCiphertextSize+1) }, wantErr: "input_ciphertext is 8275 bytes"},
		{name: "public task with a self ciphertext", task: 1, mutate: func(t *types.Task) {
			t.Private, t.Input = false, f.irisInput()
		}, wantErr: "a public task has no self_ciphertext"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			bad, err := f.k.ExportGenesis(f.ctx)
			require.NoError(t, err)
			tc.mutate(&bad.Tasks[tc.task])
			require.ErrorContains(t, bad.Validate(), tc.wantErr)
		})
	}
}
