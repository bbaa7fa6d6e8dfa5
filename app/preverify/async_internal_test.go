package preverify

import (
	"context"
	"crypto/sha256"
	"testing"

	"cosmossdk.io/log"
	storetypes "cosmossdk.io/store/types"
	"github.com/stretchr/testify/require"

	"github.com/cosmos/cosmos-sdk/testutil"
	sdk "github.com/cosmos/cosmos-sdk/types"
	"github.com/cosmos/cosmos-sdk/x/authz"

	"github.com/hyra-network/hyra/internal/fifoset"
	tptypes "github.com/hyra-network/hyra/x/taskpool/types"
	"github.com/hyra-network/hyra/zk/verifier"
)

// victim is the worker every badSource statement names.
var victim = make([]byte, 20)

// badSource builds a statement no proof verifies, for victim.
type badSource struct{}

func (badSource) ResultStatement(context.Context, *tptypes.MsgSubmitResult) (verifier.Statement, []byte, error) {
	return verifier.Statement{ChainID: "c", TaskID: 1, Worker: victim, InputCommitment: make([]byte, verifier.InputCommitmentSize), Output: make([]byte, 8)},
		make([]byte, verifier.VerifyingKeySize), nil
}

type msgsTx struct {
	sdk.Tx
	msgs []sdk.Msg
}

func (t msgsTx) GetMsgs() []sdk.Msg { return t.msgs }

func badResult() *tptypes.MsgSubmitResult {
	return &tptypes.MsgSubmitResult{TaskId: 1, Output: make([]byte, 8), Proof: make([]byte, verifier.ProofSize)}
}

func checkCtx(t *testing.T) sdk.Context {
	t.Helper()
	key := storetypes.NewKVStoreKey("test")
	return testutil.DefaultContextWithDB(t, key, storetypes.NewTransientStoreKey("t")).Ctx.
		WithExecMode(sdk.ExecModeCheck).WithLogger(log.NewNopLogger()).WithTxBytes([]byte("tx"))
}

func runAsync(t *testing.T, a *Async, msgs ...sdk.Msg) error {
	t.Helper()
	_, err := NewAsyncAnteDecorator(badSource{}, a).AnteHandle(checkCtx(t), msgsTx{msgs: msgs}, false,
		func(ctx sdk.Context, _ sdk.Tx, _ bool) (sdk.Context, error) { return ctx, nil })
	return err
}

// TestAsyncQueueFullVerifiesInline: with the queue full, CheckTx verifies
// itself (and so refuses an invalid proof at once) rather than dropping the
// work or blocking.
func TestAsyncQueueFullVerifiesInline(t *testing.T) {
	a := &Async{proofs: verifier.New(), jobs: make(chan asyncJob), suspect: fifoset.New(4)} // no room, no workers
	require.ErrorIs(t, runAsync(t, a, badResult()), tptypes.ErrInvalidProof)
}

// TestAsyncSuspectIsTheSigner: a failed proof makes its signer suspect,
// and only its signer. Results wrapped in authz MsgExec, which anyone can
// send naming any worker, are not looked at, so nobody can have an honest
// worker's proofs verified under the ABCI lock.
func TestAsyncSuspectIsTheSigner(t *testing.T) {
	a := NewAsync(1, verifier.New())
	exec := authz.NewMsgExec(sdk.AccAddress(make([]byte, 20)), []sdk.Msg{badResult(), badResult()})
	require.NoError(t, runAsync(t, a, &exec))
	a.Close()
	require.False(t, a.suspect.Has(sha256.Sum256(victim)), "a result inside MsgExec must not make its named worker suspect")

	a = NewAsync(1, verifier.New())
	require.NoError(t, runAsync(t, a, badResult()), "CheckTx does not wait for the verification")
	a.Close()
	require.True(t, a.suspect.Has(sha256.Sum256(victim)), "the signer of an invalid top-level result is suspect")
}
