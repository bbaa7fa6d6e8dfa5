package app_test

import (
	"fmt"
	"testing"

	"github.com/stretchr/testify/require"

	"github.com/cosmos/cosmos-sdk/testutil/sims"
	sdk "github.com/cosmos/cosmos-sdk/types"
	"github.com/cosmos/cosmos-sdk/x/authz"

	"github.com/hyra-network/hyra/app/preverify"
	"github.com/hyra-network/hyra/zk/verifier"
)

// TestMsgExecWithoutGrantCannotAmplify: an account with no grant, bond or
// claim sends authz MsgExec transactions holding 64 bogus results each for
// another worker's live claim. It pays the verification gas of every one of
// them up front, in CheckTx and in the block (where authz refuses it before
// any handler runs); ProcessProposal verifies none of them; and the worker
// named in them is not affected: its own valid result goes through.
func TestMsgExecWithoutGrantCannotAmplify(t *testing.T) {
	c := newResultChain(t, sims.AppOptionsMap{})
	attacker := c.client // holds no grant, bond or claim
	bogus := make([]sdk.Msg, 64)
	for i := range bogus {
		bogus[i] = c.invalidMsg
	}
	charge := int64(len(bogus)) * int64(verifier.VerifyGas)
	var txs [][]byte
	for range 10 {
		exec := authz.NewMsgExec(attacker.addr, bogus)
		tx := c.sign(attacker, &exec)
		res := c.checkTx(tx)
		require.Zero(t, res.Code, res.Log)
		require.GreaterOrEqual(t, res.GasUsed, charge, "CheckTx charges every nested result")
		txs = append(txs, tx)
	}

	seen, _ := preverify.Block(c.app.NewContext(true).WithChainID(testChainID), txs, c.app.TxConfig().TxDecoder(), c.app.TaskPoolKeeper, c.app.ProofVerifier(), 2, preverify.ProposalLimit)
	require.Zero(t, seen, "ProcessProposal must not verify results wrapped in MsgExec")

	for i, res := range c.block(true, txs...) {
		require.Equal(t, authz.ErrNoAuthorizationFound.ABCICode(), res.Code, "tx %d: %s", i, res.Log)
		require.GreaterOrEqual(t, res.GasUsed, charge, "tx %d: the signer pays for every result", i)
	}

	res := c.checkTx(c.valid)
	require.Zero(t, res.Code, res.Log)
	out := c.deliver(c.valid)
	require.Contains(t, eventTypes(out[0]), "hyra.taskpool.v1.EventTaskCompleted")
}

// TestProcessProposalBoundedOnRealApp: on the real app's decoder and keeper,
// a proposal of unsigned bogus results costs one verification per task with
// a live claim, however often the block repeats it, and no more than the
// limit.
func TestProcessProposalBoundedOnRealApp(t *testing.T) {
	c := newClaimsChain(t, 4)
	msgs := c.bogusResults(t)
	var txs [][]byte
	for memo := range 5 {
		b := c.app.TxConfig().NewTxBuilder()
		require.NoError(t, b.SetMsgs(append(msgs, msgs...)...))
		b.SetMemo(fmt.Sprint(memo))
		bz, err := c.app.TxConfig().TxEncoder()(b.GetTx())
		require.NoError(t, err)
		txs = append(txs, bz)
	}
	ctx := c.app.NewContext(true).WithChainID(testChainID)
	decode := c.app.TxConfig().TxDecoder()
	seen, ok := preverify.Block(ctx, txs, decode, c.app.TaskPoolKeeper, c.app.ProofVerifier(), 2, preverify.ProposalLimit)
	require.Equal(t, 4, seen, "40 results for 4 tasks: one verification per task")
	require.Zero(t, ok)
	seen, _ = preverify.Block(ctx, txs, decode, c.app.TaskPoolKeeper, c.app.ProofVerifier(), 2, 3)
	require.Equal(t, 3, seen, "no more than the limit")
}
