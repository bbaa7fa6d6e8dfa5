package keeper_test

import (
	"testing"

	storetypes "cosmossdk.io/store/types"
	"github.com/stretchr/testify/require"

	sdk "github.com/cosmos/cosmos-sdk/types"

	"github.com/hyra-network/hyra/x/taskpool/types"
	"github.com/hyra-network/hyra/zk/vector"
	"github.com/hyra-network/hyra/zk/verifier"
)

// claimedResult is a fixture with pool 1, task 1 claimed by the worker, and
// a freshly proved (so not yet cached) valid result for it.
func claimedResult(t *testing.T) (*fixture, *types.MsgSubmitResult) {
	t.Helper()
	f := newFixture(t)
	poolID := f.createPool()
	f.submitTask(poolID, 10_000)
	f.readyWorker(f.worker)
	f.claim(f.worker, poolID, 1)
	output, proof := f.proveTask(1, f.worker)
	return f, &types.MsgSubmitResult{Worker: f.str(f.worker), TaskId: 1, Output: output, Proof: proof}
}

// submitOutcome is everything a SubmitResult call produces that consensus
// sees: the response, the error, the gas and the events.
type submitOutcome struct {
	res    *types.MsgSubmitResultResponse
	err    string
	gas    uint64
	events sdk.Events
}

func submit(f *fixture, msg *types.MsgSubmitResult) submitOutcome {
	ctx := f.ctx.WithGasMeter(storetypes.NewGasMeter(10_000_000)).WithEventManager(sdk.NewEventManager())
	res, err := f.msgs.SubmitResult(ctx, msg)
	out := submitOutcome{res: res, gas: ctx.GasMeter().GasConsumed(), events: ctx.EventManager().Events()}
	if err != nil {
		out.err = err.Error()
	}
	return out
}

// TestSubmitResultSameWhetherCached: the handler gives the same response,
// events and gas whether the proof is verified in the handler (a miss) or
// was verified ahead of execution (a hit), for a valid and for an invalid
// proof. Two identical fixtures run the same message: the first verifies it,
// the second pre-verified it (as app/preverify does) and finds it cached.
func TestSubmitResultSameWhetherCached(t *testing.T) {
	for _, valid := range []bool{true, false} {
		f1, msg := claimedResult(t)
		f2, _ := claimedResult(t)
		if !valid {
			out, err := vector.Decode(msg.Output)
			require.NoError(t, err)
			out[0]++
			msg.Output = vector.Encode(out)
		}
		st, vk, err := f2.k.ResultStatement(f2.ctx, msg)
		require.NoError(t, err)
		require.Equal(t, valid, f2.proofs.Verify(vk, msg.Proof, st) == nil)
		miss := submit(f1, msg)
		hits1, misses1, _ := f1.proofs.CacheStats()
		require.Equal(t, [2]uint64{0, 1}, [2]uint64{hits1, misses1}, "the first run verifies in full")
		hit := submit(f2, msg)
		hits2, _, _ := f2.proofs.CacheStats()
		if valid {
			require.Empty(t, miss.err)
			require.Equal(t, uint64(1), hits2, "the second run is answered from the cache")
		} else {
			require.Contains(t, miss.err, "invalid proof")
			require.Zero(t, hits2, "an invalid proof is never cached")
		}
		require.Equal(t, miss, hit)
	}
}

// TestResultStatementIsWhatTheHandlerVerifies: verifying the statement
// ResultStatement builds puts exactly the handler's lookup in the cache, and
// ResultStatement refuses what the handler refuses before verifying, with
// the same error.
func TestResultStatementIsWhatTheHandlerVerifies(t *testing.T) {
	f, msg := claimedResult(t)
	st, vk, err := f.k.ResultStatement(f.ctx, msg)
	require.NoError(t, err)
	require.Equal(t, verifier.Statement{ChainID: chainID, TaskID: 1, Worker: f.worker, InputCommitment: f.task(1).InputCommitment, Output: msg.Output}, st)
	require.NoError(t, f.proofs.Verify(vk, msg.Proof, st))
	hits0, _, _ := f.proofs.CacheStats()
	require.Empty(t, submit(f, msg).err)
	hits1, _, _ := f.proofs.CacheStats()
	require.Equal(t, hits0+1, hits1, "the handler must look up the pre-verified statement")

	refused := map[string]func(f *fixture, m *types.MsgSubmitResult){
		"error - oversized proof":  func(_ *fixture, m *types.MsgSubmitResult) { m.Proof = append(m.Proof, 0) },
		"error - malformed output": func(_ *fixture, m *types.MsgSubmitResult) { m.Output = m.Output[:20] },
		"error - wrong length":     func(_ *fixture, m *types.MsgSubmitResult) { m.Output = m.Output[:16] },
		"error - bad address":      func(_ *fixture, m *types.MsgSubmitResult) { m.Worker = "hyra1zzz" },
		"error - unknown task":     func(_ *fixture, m *types.MsgSubmitResult) { m.TaskId = 77 },
		"error - not the assignee": func(f *fixture, m *types.MsgSubmitResult) { m.Worker = f.str(f.worker2) },
		"error - claim expired": func(f *fixture, _ *types.MsgSubmitResult) {
			f.ctx = f.ctx.WithBlockTime(f.task(1).ClaimExpiry)
		},
	}
	for name, tamper := range refused {
		t.Run(name, func(t *testing.T) {
			f, msg := claimedResult(t)
			tamper(f, msg)
			_, _, err := f.k.ResultStatement(f.ctx, msg)
			require.Error(t, err)
			out := submit(f, msg)
			require.Equal(t, err.Error(), out.err, "same refusal as the handler")
		})
	}
}
