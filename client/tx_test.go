package client

import (
	"context"
	"errors"
	"testing"
	"time"

	coretypes "github.com/cometbft/cometbft/rpc/core/types"
	cmttypes "github.com/cometbft/cometbft/types"
	"github.com/stretchr/testify/require"

	sdkclient "github.com/cosmos/cosmos-sdk/client"
	sdkerrors "github.com/cosmos/cosmos-sdk/types/errors"

	tptypes "github.com/hyra-network/hyra/x/taskpool/types"
)

// lostNode is a node that does not know a transaction (it restarted and lost
// its mempool) and answers its re-broadcast with check.
type lostNode struct {
	sdkclient.CometRPC
	check coretypes.ResultBroadcastTx
}

func (lostNode) Tx(context.Context, []byte, bool) (*coretypes.ResultTx, error) {
	return nil, errors.New("tx (ABCD) not found")
}

func (n lostNode) BroadcastTxSync(context.Context, cmttypes.Tx) (*coretypes.ResultBroadcastTx, error) {
	return &n.check, nil
}

// TestWaitCommitReportsRefusedRebroadcast: a transaction re-broadcast while
// waiting for it, and refused, ends with the node's reason, not a timeout;
// a refusal for its sequence (it may just have been committed) does not.
func TestWaitCommitReportsRefusedRebroadcast(t *testing.T) {
	refused := coretypes.ResultBroadcastTx{Codespace: tptypes.ModuleName, Code: tptypes.ErrInvalidProof.ABCICode(), Log: "task 1: invalid proof: pairing check failed"}
	s := &Sender{cctx: sdkclient.Context{}.WithClient(lostNode{check: refused}), CommitTimeout: time.Minute, PollInterval: 20 * time.Millisecond}
	_, err := s.waitCommit(context.Background(), []byte{0xab}, []byte("tx"))
	var rej *RejectedError
	require.ErrorAs(t, err, &rej)
	require.Equal(t, "check", rej.Stage)
	require.Equal(t, refused.Code, rej.Code)
	require.Contains(t, rej.Log, "pairing check failed")

	seq := coretypes.ResultBroadcastTx{Codespace: sdkerrors.RootCodespace, Code: sdkerrors.ErrWrongSequence.ABCICode(), Log: "account sequence mismatch"}
	s = &Sender{cctx: sdkclient.Context{}.WithClient(lostNode{check: seq}), CommitTimeout: rebroadcastAfter + time.Second, PollInterval: 20 * time.Millisecond}
	_, err = s.waitCommit(context.Background(), []byte{0xab}, []byte("tx"))
	require.ErrorContains(t, err, "not committed within")
	require.False(t, IsRejected(err))
}
