package preverify_test

import (
	"testing"

	abci "github.com/cometbft/cometbft/abci/types"
	"github.com/stretchr/testify/require"

	sdk "github.com/cosmos/cosmos-sdk/types"

	"github.com/hyra-network/hyra/app/preverify"
)

// TestBlock verifies a block's results in parallel: the valid ones land in
// the cache, invalid and unbuildable ones are skipped, undecodable
// transactions are ignored.
func TestBlock(t *testing.T) {
	e := newEnv(t, "hyra-block-1", 8)
	txs := []sdk.Tx{
		tx{[]sdk.Msg{e.valid[0], e.valid[1]}},
		tx{[]sdk.Msg{exec(e.valid[2])}},
		tx{[]sdk.Msg{e.invalid(4)}},
		tx{[]sdk.Msg{e.valid[4], e.valid[5], e.valid[6]}},
	}
	raw := [][]byte{{0}, {1}, {2}, {3}, {99}}
	seen, ok := preverify.Block(ctx(t, sdk.ExecModeProcessProposal), raw, decoder(txs), e.src, 4)
	require.Equal(t, 7, seen)
	require.Equal(t, 6, ok)
	for _, i := range []int{0, 1, 2, 4, 5, 6} {
		require.True(t, e.cached(e.valid[i]), "task %d", i+1)
	}
	require.False(t, e.cached(e.valid[7]), "task 8 was not in the block")
}

// TestBlockSurvivesPanic: a panic while building statements leaves the
// block to the handler.
func TestBlockSurvivesPanic(t *testing.T) {
	e := newEnv(t, "hyra-block-2", 1)
	e.src.panic = true
	seen, ok := preverify.Block(ctx(t, sdk.ExecModeProcessProposal), [][]byte{{0}}, decoder([]sdk.Tx{tx{[]sdk.Msg{e.valid[0]}}}), e.src, 2)
	require.Zero(t, seen)
	require.Zero(t, ok)
}

// TestProcessProposalHandler: the wrapped handler's answer is returned
// unchanged, accept or reject, after the block's proofs were verified.
func TestProcessProposalHandler(t *testing.T) {
	e := newEnv(t, "hyra-block-3", 2)
	txs := []sdk.Tx{tx{[]sdk.Msg{e.valid[0]}}, tx{[]sdk.Msg{e.invalid(2)}}}
	for _, status := range []abci.ResponseProcessProposal_ProposalStatus{abci.ResponseProcessProposal_ACCEPT, abci.ResponseProcessProposal_REJECT} {
		next := func(sdk.Context, *abci.RequestProcessProposal) (*abci.ResponseProcessProposal, error) {
			return &abci.ResponseProcessProposal{Status: status}, nil
		}
		h := preverify.ProcessProposalHandler(next, decoder(txs), e.src)
		res, err := h(ctx(t, sdk.ExecModeProcessProposal), &abci.RequestProcessProposal{Txs: [][]byte{{0}, {1}}})
		require.NoError(t, err)
		require.Equal(t, status, res.Status)
	}
	require.True(t, e.cached(e.valid[0]))
}
