package preverify_test

import (
	"testing"

	abci "github.com/cometbft/cometbft/abci/types"
	cmtproto "github.com/cometbft/cometbft/proto/tendermint/types"
	"github.com/stretchr/testify/require"

	sdk "github.com/cosmos/cosmos-sdk/types"

	"github.com/hyra-network/hyra/app/preverify"
	"github.com/hyra-network/hyra/zk/verifier"
)

// TestBlock verifies a block's results in parallel: the valid ones land in
// the cache, invalid and unbuildable ones are skipped, results inside authz
// MsgExec are left to the handler, undecodable transactions are ignored.
func TestBlock(t *testing.T) {
	e := newEnv(t, "hyra-block-1", 8)
	txs := []sdk.Tx{
		tx{[]sdk.Msg{e.valid[0], e.valid[1]}},
		tx{[]sdk.Msg{exec(e.valid[2])}},
		tx{[]sdk.Msg{e.invalid(4)}},
		tx{[]sdk.Msg{e.valid[4], e.valid[5], e.valid[6]}},
	}
	raw := [][]byte{{0}, {1}, {2}, {3}, {99}}
	seen, ok := preverify.Block(ctx(t, sdk.ExecModeProcessProposal), raw, decoder(txs), e.src, e.proofs, 4, preverify.ProposalLimit)
	require.Equal(t, 6, seen)
	require.Equal(t, 5, ok)
	for _, i := range []int{0, 1, 4, 5, 6} {
		require.True(t, e.cachedNoFill(e.valid[i]), "task %d", i+1)
	}
	require.False(t, e.cachedNoFill(e.valid[2]), "task 3 was inside MsgExec")
	require.False(t, e.cachedNoFill(e.valid[7]), "task 8 was not in the block")
}

// TestBlockOneProofPerTaskAndLimit: a block costs at most one verification
// per task (the first result of each) and at most limit verifications;
// proofs already cached do not count against the limit.
func TestBlockOneProofPerTaskAndLimit(t *testing.T) {
	e := newEnv(t, "hyra-block-4", 6)
	txs := []sdk.Tx{
		tx{[]sdk.Msg{e.invalid(1), e.invalid(1)}},
		tx{[]sdk.Msg{e.valid[0], e.valid[1]}},
		tx{[]sdk.Msg{e.valid[2], e.valid[3], e.valid[4], e.valid[5]}},
	}
	raw := [][]byte{{0}, {1}, {2}}
	c := ctx(t, sdk.ExecModeProcessProposal)
	seen, ok := preverify.Block(c, raw, decoder(txs), e.src, e.proofs, 2, 3)
	require.Equal(t, 3, seen, "task 1 once, then tasks 2 and 3: the limit")
	require.Equal(t, 2, ok)
	require.False(t, e.cachedNoFill(e.valid[0]), "task 1's valid result came second")
	require.False(t, e.cachedNoFill(e.valid[3]), "past the limit")

	seen, ok = preverify.Block(c, raw, decoder(txs), e.src, e.proofs, 2, 3)
	require.Equal(t, 3, seen, "tasks 2 and 3 are cached: task 1, then 4 and 5")
	require.Equal(t, 2, ok)
	require.True(t, e.cachedNoFill(e.valid[4]))
	require.False(t, e.cachedNoFill(e.valid[5]))
}

// TestProposalLimitFollowsBlockGas: a block gas limit that pays for fewer
// verifications than ProposalLimit lowers the limit.
func TestProposalLimitFollowsBlockGas(t *testing.T) {
	e := newEnv(t, "hyra-block-5", 3)
	txs := []sdk.Tx{tx{[]sdk.Msg{e.valid[0], e.valid[1], e.valid[2]}}}
	next := func(sdk.Context, *abci.RequestProcessProposal) (*abci.ResponseProcessProposal, error) {
		return &abci.ResponseProcessProposal{Status: abci.ResponseProcessProposal_ACCEPT}, nil
	}
	c := ctx(t, sdk.ExecModeProcessProposal).WithConsensusParams(cmtproto.ConsensusParams{Block: &cmtproto.BlockParams{MaxGas: int64(2 * verifier.VerifyGas)}})
	_, err := preverify.ProcessProposalHandler(next, decoder(txs), e.src, e.proofs)(c, &abci.RequestProcessProposal{Txs: [][]byte{{0}}})
	require.NoError(t, err)
	require.True(t, e.cachedNoFill(e.valid[0]))
	require.True(t, e.cachedNoFill(e.valid[1]))
	require.False(t, e.cachedNoFill(e.valid[2]))
}

// TestBlockSurvivesPanic: a panic while building statements leaves the
// block to the handler.
func TestBlockSurvivesPanic(t *testing.T) {
	e := newEnv(t, "hyra-block-2", 1)
	e.src.panic = true
	seen, ok := preverify.Block(ctx(t, sdk.ExecModeProcessProposal), [][]byte{{0}}, decoder([]sdk.Tx{tx{[]sdk.Msg{e.valid[0]}}}), e.src, e.proofs, 2, preverify.ProposalLimit)
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
		h := preverify.ProcessProposalHandler(next, decoder(txs), e.src, e.proofs)
		res, err := h(ctx(t, sdk.ExecModeProcessProposal), &abci.RequestProcessProposal{Txs: [][]byte{{0}, {1}}})
		require.NoError(t, err)
		require.Equal(t, status, res.Status)
	}
	require.True(t, e.cached(e.valid[0]))
}
