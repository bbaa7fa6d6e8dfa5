package preverify_test

import (
	"testing"
	"time"

	abci "github.com/cometbft/cometbft/abci/types"
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
// verifiers fill the cache; an invalid proof's transaction is refused when
// re-checked or sent again, and only that transaction.
func TestAsyncAnteDecorator(t *testing.T) {
	e := newEnv(t, "hyra-async-1", 3)
	a := preverify.NewAsync(2)
	good, bad := []byte("good tx"), []byte("bad tx")

	reached, err := runAsyncAnte(e, a, sdk.ExecModeCheck, good, e.valid[0], exec(e.valid[1]))
	require.NoError(t, err)
	require.True(t, reached)
	reached, err = runAsyncAnte(e, a, sdk.ExecModeCheck, bad, e.invalid(3))
	require.NoError(t, err, "CheckTx does not wait for the verification")
	require.True(t, reached)
	a.Close() // drains the queue

	require.True(t, e.cached(e.valid[0]))
	require.True(t, e.cached(e.valid[1]))
	_, err = runAsyncAnte(e, a, sdk.ExecModeReCheck, bad, e.invalid(3))
	require.ErrorIs(t, err, tptypes.ErrInvalidProof, "re-check evicts the invalid transaction")
	_, err = runAsyncAnte(e, a, sdk.ExecModeCheck, bad, e.invalid(3))
	require.ErrorIs(t, err, tptypes.ErrInvalidProof, "sending it again is refused at once")
	_, err = runAsyncAnte(e, a, sdk.ExecModeCheck, []byte("bad tx, new bytes"), e.invalid(3))
	require.ErrorIs(t, err, tptypes.ErrInvalidProof, "its worker's next invalid proof is verified in CheckTx and refused")
	reached, err = runAsyncAnte(e, a, sdk.ExecModeReCheck, good, e.valid[0], exec(e.valid[1]))
	require.NoError(t, err)
	require.True(t, reached)
	reached, err = runAsyncAnte(e, a, sdk.ExecModeFinalize, bad, e.invalid(3))
	require.NoError(t, err, "block execution is the handler's business")
	require.True(t, reached)
}

// TestAsyncVerifiesInBackground: proofs queued by CheckTx end up cached
// without anyone waiting for them.
func TestAsyncVerifiesInBackground(t *testing.T) {
	e := newEnv(t, "hyra-async-2", 4)
	a := preverify.NewAsync(2)
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

// TestPrepareProposalLeavesOutKnownInvalid: once the background verifiers
// found a transaction's proof invalid, the proposer leaves it out; other
// transactions pass through in order.
func TestPrepareProposalLeavesOutKnownInvalid(t *testing.T) {
	e := newEnv(t, "hyra-async-3", 3)
	a := preverify.NewAsync(1)
	good, bad := []byte("good tx"), []byte("bad tx")
	_, err := runAsyncAnte(e, a, sdk.ExecModeCheck, bad, e.invalid(1))
	require.NoError(t, err)
	a.Close()

	var got [][]byte
	next := func(_ sdk.Context, req *abci.RequestPrepareProposal) (*abci.ResponsePrepareProposal, error) {
		got = req.Txs
		return &abci.ResponsePrepareProposal{Txs: req.Txs}, nil
	}
	h := preverify.PrepareProposalHandler(next, a)
	_, err = h(ctx(t, sdk.ExecModePrepareProposal), &abci.RequestPrepareProposal{Txs: [][]byte{good, bad, []byte("other")}})
	require.NoError(t, err)
	require.Equal(t, [][]byte{good, []byte("other")}, got)

	clean := preverify.NewAsync(1)
	h = preverify.PrepareProposalHandler(next, clean)
	_, err = h(ctx(t, sdk.ExecModePrepareProposal), &abci.RequestPrepareProposal{Txs: [][]byte{good, bad}})
	require.NoError(t, err)
	require.Equal(t, [][]byte{good, bad}, got, "nothing is known invalid: the request passes untouched")
}
