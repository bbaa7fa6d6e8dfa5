package app_test

import (
	"crypto/sha256"
	"testing"
	"time"

	"github.com/stretchr/testify/require"

	"github.com/cosmos/cosmos-sdk/testutil/sims"
	sdk "github.com/cosmos/cosmos-sdk/types"
	"github.com/cosmos/cosmos-sdk/x/authz"

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

// neutralScenario is a chain's first blocks, signed once, for nodes that
// differ only in node-local state to execute: the iris model, three tasks,
// two bonded workers with claims, then results with valid proofs, with a
// valid proof for another task, and with a proof that does not decode.
type neutralScenario struct {
	accs   []*signer // genesis accounts
	blocks [][][]byte
	// proofs[i][j] is what the j-th transaction of block i asks to verify,
	// when it is a result with a valid proof (nil otherwise).
	proofs [][]*verifier.Item

	workerA  *signer
	probeSeq uint64 // worker A's sequence while it holds its first claim
	probeMsg *tptypes.MsgSubmitResult
}

// Block indexes of the scenario.
const (
	blockResultsB = 3 // worker B: an invalid proof, a valid one; a TEXTUAL payment; an ungranted MsgExec (A holds a claim)
	blockResultsA = 4 // worker A: an invalid proof, junk, a valid one, a new claim; then its last result
)

func newNeutralScenario(t *testing.T) *neutralScenario {
	t.Helper()
	owner, client := newSigner("neutral-owner"), newSigner("neutral-client")
	wa, wb := newSigner("neutral-worker-a"), newSigner("neutral-worker-b")
	stranger := newSigner("neutral-stranger")
	s := &neutralScenario{accs: []*signer{owner, client, wa, wb, stranger}, workerA: wa}
	// A chain to sign with: signing reads no state, only the tx config.
	c := newABCIChain(t, sims.AppOptionsMap{}, s.accs...)
	art, vk, prove := zktest.Iris(t)
	a, err := artifact.Parse(art)
	require.NoError(t, err)
	hash := sha256.Sum256(art)
	price := sdk.NewInt64Coin(app.BondDenom, 1000)
	in := zktest.IrisInputs(t)
	add := func(txs ...[]byte) {
		s.blocks = append(s.blocks, txs)
		s.proofs = append(s.proofs, make([]*verifier.Item, len(txs)))
	}

	add(c.sign(owner, &mrtypes.MsgRegisterModel{
		Owner: owner.addr.String(), Name: "iris", Description: "iris species", Price: price, ProofSystem: mrtypes.PROOF_SYSTEM_GROTH16,
		VerifyingKey: vk, Artifact: art, ArtifactHash: hash[:], OutputLength: uint32(a.Output.Length),
		InputSchema: mrtypes.InputSchema{Length: uint32(a.Input.Length), MinValue: a.Input.Min, MaxValue: a.Input.Max},
	}))
	start := c.time // the genesis block's time; each block adds a second
	route := func(input []int64) sdk.Msg {
		return &routertypes.MsgRouteTask{
			Creator: client.addr.String(), ModelId: 1, Input: vector.Encode(input),
			Reward: price, Deadline: start.Add(time.Hour),
		}
	}
	register := func(w *signer) []byte {
		return c.sign(w, &tptypes.MsgRegisterWorker{Worker: w.addr.String()},
			&rewardstypes.MsgBond{Worker: w.addr.String(), Amount: sdk.NewInt64Coin(app.BondDenom, rewardstypes.DefaultMinWorkerBond)})
	}
	add(c.sign(client, route(in[0]), route(in[1]), route(in[2])), register(wa), register(wb))
	claim := func(w *signer, task uint64) []byte {
		return c.sign(w, &tptypes.MsgClaimTask{Worker: w.addr.String(), PoolId: 1, TaskId: task})
	}
	add(claim(wa, 1), claim(wb, 2))

	result := func(w *signer, task uint64, input []int64) (*tptypes.MsgSubmitResult, *verifier.Item) {
		out, proof := prove(testChainID, task, w.addr, input)
		st := verifier.Statement{ChainID: testChainID, TaskID: task, Worker: w.addr, InputCommitment: zktest.InputCommitment(c.t, input), Output: out}
		return &tptypes.MsgSubmitResult{Worker: w.addr.String(), TaskId: task, Output: out, Proof: proof},
			&verifier.Item{VK: vk, Proof: proof, St: st}
	}
	// A proof for another task does not verify for this one.
	wrongTask := func(w *signer, task uint64, other *tptypes.MsgSubmitResult) []byte {
		return c.sign(w, &tptypes.MsgSubmitResult{Worker: w.addr.String(), TaskId: task, Output: other.Output, Proof: other.Proof})
	}

	b2, b2Item := result(wb, 2, in[1])
	a1, a1Item := result(wa, 1, in[0])
	a3, a3Item := result(wa, 3, in[2])
	// A payment signed with SIGN_MODE_TEXTUAL, whose sign bytes read state, and
	// a stranger's authz MsgExec, without a grant, of a bogus result for worker A.
	pay := c.signAs(bigLimit, nil, []sdk.Msg{send(client, owner.addr)}, account{signer: client, how: keySigns("neutral-client", textual)})
	bogus := &tptypes.MsgSubmitResult{Worker: wa.addr.String(), TaskId: 1, Output: a3.Output, Proof: a3.Proof}
	exec := authz.NewMsgExec(stranger.addr, []sdk.Msg{bogus})
	add(wrongTask(wb, 2, a1), c.sign(wb, b2), pay, c.sign(stranger, &exec))
	s.proofs[blockResultsB][1] = b2Item

	s.probeSeq, s.probeMsg = wa.seq, &tptypes.MsgSubmitResult{Worker: wa.addr.String(), TaskId: 1, Output: a3.Output, Proof: a3.Proof}
	junk := &tptypes.MsgSubmitResult{Worker: wa.addr.String(), TaskId: 1, Output: a1.Output, Proof: make([]byte, len(a1.Proof))}
	for i := range junk.Proof {
		junk.Proof[i] = 0xff
	}
	add(wrongTask(wa, 1, a3), c.sign(wa, junk), c.sign(wa, a1), claim(wa, 3))
	s.proofs[blockResultsA][2] = a1Item

	add(c.sign(wa, a3))
	s.proofs[blockResultsA+1][0] = a3Item
	return s
}

// probe is an invalid result of worker A, signed at the sequence after the
// n-th probe, for checking in CheckTx only: it never reaches a block.
func (s *neutralScenario) probe(c *abciChain, n uint64) []byte {
	w := *s.workerA
	w.seq = s.probeSeq + n
	return c.sign(&w, s.probeMsg)
}
