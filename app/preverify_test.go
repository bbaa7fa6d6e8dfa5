package app_test

import (
	"crypto/sha256"
	"testing"
	"time"

	"cosmossdk.io/log"
	abci "github.com/cometbft/cometbft/abci/types"
	dbm "github.com/cosmos/cosmos-db"
	"github.com/stretchr/testify/require"

	"github.com/cosmos/cosmos-sdk/client/flags"
	"github.com/cosmos/cosmos-sdk/testutil/sims"
	sdk "github.com/cosmos/cosmos-sdk/types"

	"github.com/hyra-network/hyra/app"
	mrtypes "github.com/hyra-network/hyra/x/modelregistry/types"
	rewardstypes "github.com/hyra-network/hyra/x/rewards/types"
	routertypes "github.com/hyra-network/hyra/x/router/types"
	tptypes "github.com/hyra-network/hyra/x/taskpool/types"
	"github.com/hyra-network/hyra/zk/artifact"
	"github.com/hyra-network/hyra/zk/vector"
	"github.com/hyra-network/hyra/zk/verifier"
	"github.com/hyra-network/hyra/zk/zktest"
)

// resultChain is an abciChain with the iris model registered, a bonded
// worker holding task 1 and task 2 open (both routed by client), and results
// for task 1: a valid one and one whose proof is for task 2. Each chain's app has its own
// verifier, which starts with nothing cached.
type resultChain struct {
	*abciChain
	client, worker       *signer
	valid, invalid       []byte // signed MsgSubmitResult transactions, sequence 2 each
	validMsg, invalidMsg *tptypes.MsgSubmitResult
}

func newResultChain(t *testing.T, opts sims.AppOptionsMap) *resultChain {
	t.Helper()
	owner, client, worker := newSigner("owner"), newSigner("client"), newSigner("worker")
	c := &resultChain{abciChain: newABCIChain(t, opts, owner, client, worker), client: client, worker: worker}
	price, prove := c.registerIris(owner)
	in := zktest.IrisInputs(t)
	route := func(input []int64) sdk.Msg {
		return &routertypes.MsgRouteTask{
			Creator: client.addr.String(), ModelId: 1, Input: vector.Encode(input),
			Reward: price, Deadline: c.time.Add(time.Hour),
		}
	}
	w := worker.addr.String()
	c.deliver(
		c.sign(client, route(in[0]), route(in[1])),
		c.sign(worker, &tptypes.MsgRegisterWorker{Worker: w},
			&rewardstypes.MsgBond{Worker: w, Amount: sdk.NewInt64Coin(app.BondDenom, rewardstypes.DefaultMinWorkerBond)}),
	)
	c.deliver(c.sign(worker, &tptypes.MsgClaimTask{Worker: w, PoolId: 1, TaskId: 1}))

	out, proof := prove(testChainID, 1, worker.addr, in[0])
	_, otherProof := prove(testChainID, 2, worker.addr, in[1])
	c.validMsg = &tptypes.MsgSubmitResult{Worker: w, TaskId: 1, Output: out, Proof: proof}
	c.valid = c.sign(worker, c.validMsg)
	worker.seq--
	c.invalidMsg = &tptypes.MsgSubmitResult{Worker: w, TaskId: 1, Output: out, Proof: otherProof}
	c.invalid = c.sign(worker, c.invalidMsg)
	return c
}

// registerIris registers the iris model, owned by owner, as model 1, and
// returns its price and the prover of its proofs.
func (c *abciChain) registerIris(owner *signer) (sdk.Coin, zktest.ProveFunc) {
	c.t.Helper()
	art, vk, prove := zktest.Iris(c.t)
	a, err := artifact.Parse(art)
	require.NoError(c.t, err)
	hash := sha256.Sum256(art)
	price := sdk.NewInt64Coin(app.BondDenom, 1000)
	c.deliver(c.sign(owner, &mrtypes.MsgRegisterModel{
		Owner: owner.addr.String(), Name: "iris", Description: "iris species", Price: price, ProofSystem: mrtypes.PROOF_SYSTEM_GROTH16,
		VerifyingKey: vk, Artifact: art, ArtifactHash: hash[:], OutputLength: uint32(a.Output.Length),
		InputSchema: mrtypes.InputSchema{Length: uint32(a.Input.Length), MinValue: a.Input.Min, MaxValue: a.Input.Max},
	}))
	return price, prove
}

// cached reports whether the chain's valid result is in the verified-proof
// cache (checking it fills the cache if it was not).
func (c *resultChain) cached() bool {
	c.t.Helper()
	in := zktest.IrisInputs(c.t)[0]
	st := verifier.Statement{ChainID: testChainID, TaskID: 1, Worker: c.worker.addr, InputCommitment: zktest.InputCommitment(c.t, in), Output: c.validMsg.Output}
	_, vk, _ := zktest.Iris(c.t)
	proofs := c.app.ProofVerifier()
	hits, _, _ := proofs.CacheStats()
	require.NoError(c.t, proofs.Verify(vk, c.validMsg.Proof, st))
	after, _, _ := proofs.CacheStats()
	return after > hits
}

// TestCheckTxRefusesInvalidProof: with [hyra] preverify-check-tx = "sync",
// CheckTx refuses a result whose proof does not verify, and accepts (and
// caches) a valid one, which then executes.
func TestCheckTxRefusesInvalidProof(t *testing.T) {
	c := newResultChain(t, sims.AppOptionsMap{app.FlagPreverifyCheckTx: "sync"})
	res := c.checkTx(c.invalid)
	require.Equal(t, tptypes.ErrInvalidProof.ABCICode(), res.Code, res.Log)
	require.Equal(t, tptypes.ModuleName, res.Codespace)

	res = c.checkTx(c.valid)
	require.Zero(t, res.Code, res.Log)
	require.True(t, c.cached(), "CheckTx must have verified the valid proof")
	out := c.deliver(c.valid)
	require.Contains(t, eventTypes(out[0]), "hyra.taskpool.v1.EventTaskCompleted")
}

// TestCheckTxPreverifyOff: with [hyra] preverify-check-tx = false, CheckTx
// lets an invalid proof through, the block's handler refuses it, and
// ProcessProposal pre-verifies the valid one.
func TestCheckTxPreverifyOff(t *testing.T) {
	c := newResultChain(t, sims.AppOptionsMap{app.FlagPreverifyCheckTx: false})
	require.Zero(t, c.checkTx(c.invalid).Code)
	res := c.block(true, c.invalid)
	require.Equal(t, tptypes.ErrInvalidProof.ABCICode(), res[0].Code, res[0].Log)

	c.worker.seq = 3 // the failed transaction used sequence 2
	c.valid = c.sign(c.worker, c.validMsg)
	require.Zero(t, c.checkTx(c.valid).Code)
	hits0, _, _ := c.app.ProofVerifier().CacheStats()
	c.deliver(c.valid)
	hits1, _, _ := c.app.ProofVerifier().CacheStats()
	require.GreaterOrEqual(t, hits1, hits0+1, "FinalizeBlock must find the proof ProcessProposal verified")
}

// TestResultGasSameWhetherPreverified: two chains built alike execute the
// same kind of result; on one the proof was verified ahead of execution
// (CheckTx and ProcessProposal), on the other only in FinalizeBlock. Their
// code, gas and events are identical.
func TestResultGasSameWhetherPreverified(t *testing.T) {
	pre := newResultChain(t, sims.AppOptionsMap{app.FlagPreverifyCheckTx: "sync"})
	require.Zero(t, pre.checkTx(pre.valid).Code)
	require.True(t, pre.cached())
	withCache := pre.deliver(pre.valid)[0]

	cold := newResultChain(t, sims.AppOptionsMap{})
	hits0, _, _ := cold.app.ProofVerifier().CacheStats()
	noCache := cold.block(false, cold.valid)[0] // no CheckTx, no ProcessProposal
	hits1, _, _ := cold.app.ProofVerifier().CacheStats()
	require.Equal(t, hits0, hits1, "the cold chain verified in the handler")
	require.Zero(t, noCache.Code, noCache.Log)

	require.Equal(t, withCache.GasUsed, noCache.GasUsed)
	require.Equal(t, withCache.GasWanted, noCache.GasWanted)
	require.Equal(t, eventTypes(withCache), eventTypes(noCache))
	require.Equal(t, withCache.Data, noCache.Data)
}

func eventTypes(r *abci.ExecTxResult) []string {
	var out []string
	for _, e := range r.Events {
		out = append(out, e.Type)
	}
	return out
}

// TestCheckTxAsyncDefiniteAnswer: by default ([hyra] preverify-check-tx =
// "async"), CheckTx accepts a result at once. One whose proof is invalid is
// neither left out of proposals nor evicted at re-check: it lands in a block,
// whose handler refuses it with the verifier's error after its signer paid
// the verification gas. Its signer's next invalid proof is refused by
// CheckTx itself, and a valid one is still accepted and executed.
func TestCheckTxAsyncDefiniteAnswer(t *testing.T) {
	c := newResultChain(t, sims.AppOptionsMap{})
	require.Zero(t, c.checkTx(c.invalid).Code, "CheckTx does not wait")
	require.Never(t, func() bool {
		// The next block, without the transaction; CometBFT then re-checks
		// the mempool against the new state, and the next proposer reaps it.
		c.block(false)
		res, err := c.app.CheckTx(&abci.RequestCheckTx{Tx: c.invalid, Type: abci.CheckTxType_Recheck})
		require.NoError(t, err)
		prop, err := c.app.PrepareProposal(&abci.RequestPrepareProposal{
			Txs: [][]byte{c.invalid}, MaxTxBytes: 1 << 20,
			Height: c.height + 1, Time: c.time.Add(time.Second), NextValidatorsHash: c.valSet.Hash(), ProposerAddress: c.valSet.Proposer.Address,
		})
		require.NoError(t, err)
		return res.Code != 0 || len(prop.Txs) != 1
	}, time.Second, 100*time.Millisecond, "the transaction must stay in the mempool and in proposals once its proof is found invalid")

	res := c.block(true, c.invalid)[0]
	require.Equal(t, tptypes.ErrInvalidProof.ABCICode(), res.Code, res.Log)
	require.Contains(t, res.Log, "task 1: ")
	require.GreaterOrEqual(t, res.GasUsed, int64(verifier.VerifyGas))

	c.worker.seq = 3 // the failed transaction used sequence 2
	check := c.checkTx(c.sign(c.worker, c.invalidMsg))
	require.Equal(t, tptypes.ErrInvalidProof.ABCICode(), check.Code, "its signer is suspect: CheckTx verifies and refuses")
	require.Contains(t, check.Log, "task 1: ")
	c.worker.seq = 3
	c.valid = c.sign(c.worker, c.validMsg)
	require.Zero(t, c.checkTx(c.valid).Code)
	c.deliver(c.valid)
}

// TestPreverifyModeRefusesNonsense: an unknown mode stops the app from
// starting rather than running with a guess.
func TestPreverifyModeRefusesNonsense(t *testing.T) {
	_, err := app.New(log.NewNopLogger(), dbm.NewMemDB(), nil, true,
		sims.AppOptionsMap{app.FlagPreverifyCheckTx: "sometimes", flags.FlagHome: t.TempDir()})
	require.ErrorContains(t, err, "want sync, async or off")
}
