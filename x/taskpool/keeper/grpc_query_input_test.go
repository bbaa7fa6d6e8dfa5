package keeper_test

import (
	"testing"
	"time"

	"github.com/stretchr/testify/require"

	"github.com/hyra-network/hyra/x/taskpool/types"
	"github.com/hyra-network/hyra/zk/zktest"
)

// TestQueriesDecodeTaskInputs: every query that returns tasks gives each
// one's input decoded next to its bytes; the stored task keeps only the
// bytes, and a genesis that carries the vector is refused.
func TestQueriesDecodeTaskInputs(t *testing.T) {
	f := populated(t)
	want := zktest.IrisInputs(t)[0]

	one, err := f.queries.Task(f.ctx, &types.QueryTaskRequest{Id: 4})
	require.NoError(t, err)
	require.Equal(t, want, one.Task.InputVector)
	require.Equal(t, f.irisInput(), one.Task.Input)

	all, err := f.queries.Tasks(f.ctx, &types.QueryTasksRequest{})
	require.NoError(t, err)
	mine, err := f.queries.TasksByCreator(f.ctx, &types.QueryTasksByCreatorRequest{Creator: f.str(f.creator)})
	require.NoError(t, err)
	for _, task := range append(all.Tasks, mine.Tasks...) {
		require.Equal(t, want, task.InputVector, "task %d", task.Id)
	}

	require.Empty(t, f.task(4).InputVector, "never stored")

	// A compact input decodes with its encoding.
	compact, enc := types.EncodeCompact(want)
	require.NotEqual(t, types.VECTOR_ENCODING_INT64, enc)
	res, err := f.msgs.SubmitTask(f.ctx, &types.MsgSubmitTask{
		Creator: f.str(f.creator), PoolId: 1, Input: compact, InputEncoding: enc, Reward: coin(1000),
		Deadline: f.ctx.BlockTime().Add(time.Hour),
	})
	require.NoError(t, err)
	got, err := f.queries.Task(f.ctx, &types.QueryTaskRequest{Id: res.TaskId})
	require.NoError(t, err)
	require.Equal(t, want, got.Task.InputVector)
	require.Equal(t, compact, got.Task.Input)

	gs, err := f.k.ExportGenesis(f.ctx)
	require.NoError(t, err)
	require.NoError(t, gs.Validate())
	gs.Tasks[0].InputVector = want
	require.ErrorContains(t, gs.Validate(), "input_vector is derived from input")
}
