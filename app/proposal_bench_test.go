package app_test

import (
	"fmt"
	"syscall"
	"testing"
	"time"

	abci "github.com/cometbft/cometbft/abci/types"
	"github.com/stretchr/testify/require"

	"github.com/cosmos/cosmos-sdk/testutil/sims"
	sdk "github.com/cosmos/cosmos-sdk/types"

	"github.com/hyra-network/hyra/app"
	"github.com/hyra-network/hyra/app/preverify"
	rewardstypes "github.com/hyra-network/hyra/x/rewards/types"
	routertypes "github.com/hyra-network/hyra/x/router/types"
	tptypes "github.com/hyra-network/hyra/x/taskpool/types"
	"github.com/hyra-network/hyra/zk/vector"
	"github.com/hyra-network/hyra/zk/zktest"
)

// cometMaxBlockBytes is CometBFT's default block.max_bytes, which hyrad
// init keeps: the largest block a proposer may make.
const cometMaxBlockBytes = 22020096

// msgsPerTx keeps a transaction under the SDK decoder's 100 messages.
const msgsPerTx = 50

// claimsChain is an abciChain with the iris model and n workers, worker i
// holding a live claim on task i+1.
type claimsChain struct {
	*abciChain
	workers []*signer
	prove   zktest.ProveFunc
}

func newClaimsChain(tb testing.TB, n int) *claimsChain {
	tb.Helper()
	owner, client := newSigner("owner"), newSigner("client")
	workers := make([]*signer, n)
	for i := range workers {
		workers[i] = newSigner(fmt.Sprintf("worker %d", i))
	}
	c := &claimsChain{abciChain: newABCIChain(tb, sims.AppOptionsMap{}, append([]*signer{owner, client}, workers...)...), workers: workers}
	price, prove := c.registerIris(owner)
	c.prove = prove
	in := zktest.IrisInputs(tb)
	var routes []sdk.Msg
	for i := range n {
		routes = append(routes, &routertypes.MsgRouteTask{
			Creator: client.addr.String(), ModelId: 1,
			Input: vector.Encode(in[i%len(in)]), Reward: price, Deadline: c.time.Add(time.Hour),
		})
	}
	var txs [][]byte
	for len(routes) > 0 {
		k := min(len(routes), msgsPerTx)
		txs = append(txs, c.sign(client, routes[:k]...))
		routes = routes[k:]
	}
	// A few route transactions per block: 50 routes each, a block holds about 20 under its gas
	// limit.
	for len(txs) > 0 {
		k := min(len(txs), 10)
		c.deliver(txs[:k]...)
		txs = txs[k:]
	}
	bond := sdk.NewInt64Coin(app.BondDenom, rewardstypes.DefaultMinWorkerBond)
	var register, claim [][]byte
	for i, w := range workers {
		a := w.addr.String()
		register = append(register, c.sign(w, &tptypes.MsgRegisterWorker{Worker: a}, &rewardstypes.MsgBond{Worker: a, Amount: bond}))
		claim = append(claim, c.sign(w, &tptypes.MsgClaimTask{Worker: a, PoolId: 1, TaskId: uint64(i + 1)}))
	}
	c.deliver(register...)
	c.deliver(claim...)
	return c
}

// bogusResults is a result for each live claim, in its worker's name, with
// a well-formed proof that fails the pairing check (it was made for a task
// that does not exist).
func (c *claimsChain) bogusResults(tb testing.TB) []sdk.Msg {
	tb.Helper()
	out, proof := c.prove(testChainID, 1<<40, c.workers[0].addr, zktest.IrisInputs(tb)[0])
	var msgs []sdk.Msg
	for i, w := range c.workers {
		msgs = append(msgs, &tptypes.MsgSubmitResult{Worker: w.addr.String(), TaskId: uint64(i + 1), Output: out, Proof: proof})
	}
	return msgs
}

// bogusBlock is the worst block of results a proposer can make for
// ProcessProposal: as many bytes as a block may hold, of unsigned
// transactions of top-level results for every live claim, each with a
// well-formed proof that fails the pairing check, repeated (with distinct
// memos) until the block is full.
func (c *claimsChain) bogusBlock(tb testing.TB) [][]byte {
	tb.Helper()
	msgs := c.bogusResults(tb)
	var txs [][]byte
	size := 0
	for memo := 0; ; memo++ {
		m := msgs[memo*msgsPerTx%len(msgs):]
		b := c.app.TxConfig().NewTxBuilder()
		require.NoError(tb, b.SetMsgs(m[:min(len(m), msgsPerTx)]...))
		b.SetMemo(fmt.Sprint(memo))
		b.SetGasLimit(20_000_000)
		bz, err := c.app.TxConfig().TxEncoder()(b.GetTx())
		require.NoError(tb, err)
		if size+len(bz) > cometMaxBlockBytes {
			return txs
		}
		txs = append(txs, bz)
		size += len(bz)
	}
}

// BenchmarkProcessProposalBogus times the real ProcessProposal on bogusBlock
// with ProposalLimit+100 live claims: the worst a proposer can make every
// validator do before the block executes.
//
//	go test ./app -run '^$' -bench ProcessProposalBogus -benchtime 5x
func BenchmarkProcessProposalBogus(b *testing.B) {
	c := newClaimsChain(b, preverify.ProposalLimit+100)
	txs := c.bogusBlock(b)
	seen, ok := preverify.Block(c.app.NewContext(true).WithChainID(testChainID), txs, c.app.TxConfig().TxDecoder(), c.app.TaskPoolKeeper, c.app.ProofVerifier(), 2, preverify.ProposalLimit)
	require.Equal(b, preverify.ProposalLimit, seen)
	require.Zero(b, ok)
	req := &abci.RequestProcessProposal{
		Txs: txs, Height: c.height + 1, Time: c.time.Add(time.Second),
		NextValidatorsHash: c.valSet.Hash(), ProposerAddress: c.valSet.Proposer.Address,
	}
	b.ReportMetric(float64(len(txs)), "txs")
	b.ReportMetric(float64(len(txs)*msgsPerTx), "results")
	cpu0 := cpuTime(b)
	b.ResetTimer()
	for range b.N {
		res, err := c.app.ProcessProposal(req)
		require.NoError(b, err)
		require.Equal(b, abci.ResponseProcessProposal_ACCEPT, res.Status)
	}
	b.StopTimer()
	b.ReportMetric(float64((cpuTime(b)-cpu0).Milliseconds())/float64(b.N), "cpu-ms/op")
}

// cpuTime is the CPU time this process has used, all threads: unlike the
// wall time, it does not depend on what else runs on the machine.
func cpuTime(tb testing.TB) time.Duration {
	tb.Helper()
	var ru syscall.Rusage
	require.NoError(tb, syscall.Getrusage(syscall.RUSAGE_SELF, &ru))
	return time.Duration(ru.Utime.Nano() + ru.Stime.Nano())
}
