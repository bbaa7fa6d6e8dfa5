package preverify

import (
	"context"
	"testing"

	"github.com/stretchr/testify/require"

	"cosmossdk.io/log"
	storetypes "cosmossdk.io/store/types"

	"github.com/cosmos/cosmos-sdk/testutil"
	sdk "github.com/cosmos/cosmos-sdk/types"

	"github.com/hyra-network/hyra/internal/fifoset"
	tptypes "github.com/hyra-network/hyra/x/taskpool/types"
	"github.com/hyra-network/hyra/zk/verifier"
)

// badSource builds a statement no proof verifies.
type badSource struct{}

func (badSource) ResultStatement(context.Context, *tptypes.MsgSubmitResult) (verifier.Statement, []byte, error) {
	return verifier.Statement{ChainID: "c", TaskID: 1, Worker: make([]byte, 20), Input: make([]byte, 8), Output: make([]byte, 8)},
		make([]byte, verifier.MaxVerifyingKeySize), nil
}

type oneMsgTx struct{ sdk.Tx }

func (oneMsgTx) GetMsgs() []sdk.Msg {
	return []sdk.Msg{&tptypes.MsgSubmitResult{TaskId: 1, Output: make([]byte, 8), Proof: make([]byte, verifier.MaxProofSize)}}
}

// TestAsyncQueueFullVerifiesInline: with the queue full, CheckTx verifies
// itself (and so refuses an invalid proof at once) rather than dropping the
// work or blocking.
func TestAsyncQueueFullVerifiesInline(t *testing.T) {
	a := &Async{jobs: make(chan asyncJob), failed: fifoset.New(4), suspect: fifoset.New(4)} // no room, no workers
	key := storetypes.NewKVStoreKey("test")
	c := testutil.DefaultContextWithDB(t, key, storetypes.NewTransientStoreKey("t")).Ctx.
		WithExecMode(sdk.ExecModeCheck).WithLogger(log.NewNopLogger()).WithTxBytes([]byte("tx"))
	d := NewAsyncAnteDecorator(badSource{}, a)
	_, err := d.AnteHandle(c, oneMsgTx{}, false, func(ctx sdk.Context, _ sdk.Tx, _ bool) (sdk.Context, error) { return ctx, nil })
	require.ErrorIs(t, err, tptypes.ErrInvalidProof)
}
