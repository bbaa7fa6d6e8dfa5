package preverify_test

import (
	"testing"
	"time"

	"github.com/stretchr/testify/require"

	sdk "github.com/cosmos/cosmos-sdk/types"

	"github.com/hyra-network/hyra/app/preverify"
	tptypes "github.com/hyra-network/hyra/x/taskpool/types"
)

// runAsyncAnte runs the async decorator on tx (whose bytes are txBytes) in mode.
func runAsyncAnte(e *env, a *preverify.Async, mode sdk.ExecMode, txBytes []byte, msgs ...sdk.Msg) (bool, error) {
	c := ctx(e.t, mode).WithTxBytes(txBytes)
	reached := false
	next := func(ctx sdk.Context, _ sdk.Tx, _ bool) (sdk.Context, error) { reached = true; return ctx, nil }
	_, err := preverify.NewAsyncAnteDecorator(e.src, a).AnteHandle(c, tx{msgs}, false, next)
	return reached, err
}

// TestAsyncAnteDecorator: CheckTx accepts at once and the background
// verifiers fill the cache. An invalid proof's transaction is not held back
// (its block refuses it, with the verifier's error), but its signer's later
// proofs are verified in CheckTx and an invalid one is refused at once.
func TestAsyncAnteDecorator(t *testing.T) {
	e := newEnv(t, "hyra-async-1", 3)
	a := preverify.NewAsync(2, e.proofs)
	good, bad := []byte("good tx"), []byte("bad tx")

	reached, err := runAsyncAnte(e, a, sdk.ExecModeCheck, good, e.valid[0], exec(e.valid[1]))
	require.NoError(t, err)
	require.True(t, reached)
	reached, err = runAsyncAnte(e, a, sdk.ExecModeCheck, bad, e.invalid(3))
	require.NoError(t, err, "CheckTx does not wait for the verification")
	require.True(t, reached)
	a.Close() // drains the queue

	require.True(t, e.cachedNoFill(e.valid[0]))
	require.False(t, e.cachedNoFill(e.valid[1]), "results inside MsgExec are the handler's")
	reached, err = runAsyncAnte(e, a, sdk.ExecModeReCheck, bad, e.invalid(3))
	require.NoError(t, err, "a re-check does not evict it: its block gives the submitter the answer")
	require.True(t, reached)
	_, err = runAsyncAnte(e, a, sdk.ExecModeCheck, []byte("bad tx, new bytes"), e.invalid(2))
	require.ErrorIs(t, err, tptypes.ErrInvalidProof, "its signer's next invalid proof is verified in CheckTx and refused")
	reached, err = runAsyncAnte(e, a, sdk.ExecModeFinalize, bad, e.invalid(3))
	require.NoError(t, err, "block execution is the handler's business")
	require.True(t, reached)
}

// TestAsyncVerifiesInBackground: proofs queued by CheckTx end up cached
// without anyone waiting for them.
func TestAsyncVerifiesInBackground(t *testing.T) {
	e := newEnv(t, "hyra-async-2", 4)
	a := preverify.NewAsync(2, e.proofs)
	defer a.Close()
	for i, m := range e.valid {
		_, err := runAsyncAnte(e, a, sdk.ExecModeCheck, []byte{byte(i)}, m)
		require.NoError(t, err)
	}
	require.Eventually(t, func() bool {
		for _, m := range e.valid {
			if !e.cachedNoFill(m) {
				return false
			}
		}
		return true
	}, 10*time.Second, 10*time.Millisecond)
}
