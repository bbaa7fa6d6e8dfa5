package app_test

import (
	"encoding/json"
	"testing"
	"time"

	abci "github.com/cometbft/cometbft/abci/types"
	cmtproto "github.com/cometbft/cometbft/proto/tendermint/types"
	"github.com/stretchr/testify/require"

	"github.com/cosmos/cosmos-sdk/baseapp"
	"github.com/cosmos/cosmos-sdk/client/flags"
	"github.com/cosmos/cosmos-sdk/testutil/sims"
	sdk "github.com/cosmos/cosmos-sdk/types"

	"github.com/hyra-network/hyra/app"
	rewardstypes "github.com/hyra-network/hyra/x/rewards/types"
	routertypes "github.com/hyra-network/hyra/x/router/types"
	tptypes "github.com/hyra-network/hyra/x/taskpool/types"
	"github.com/hyra-network/hyra/zk/vector"
	"github.com/hyra-network/hyra/zk/zktest"
)

// Several results in one transaction are several MsgSubmitResult messages:
// each runs the handler it runs alone, and the transaction is all or nothing.

// multiResultChain is an abciChain whose worker (max_active_tasks 3) holds
// tasks 1, 2 and 3 of the iris model, claimed with one ClaimBest of count 3,
// with a valid result for each and, for task 2, one whose proof is task 3's.
type multiResultChain struct {
	*abciChain
	worker  *signer
	results []sdk.Msg // valid results of tasks 1, 2, 3
	bad     sdk.Msg   // task 2's result with task 3's proof
}

// twin is a chain built as c was, with c's proofs (a Groth16 proof is
// randomised, so proving again would give other bytes).
func (c *multiResultChain) twin() *multiResultChain {
	c.t.Helper()
	other := newMultiResultChain(c.t)
	other.results, other.bad = c.results, c.bad
	return other
}

func newMultiResultChain(t testing.TB) *multiResultChain {
	t.Helper()
	owner, client, worker := newSigner("owner"), newSigner("client"), newSigner("worker")
	raiseLimit := func(a *app.App, gen map[string]json.RawMessage) {
		var tp tptypes.GenesisState
		require.NoError(t, a.AppCodec().UnmarshalJSON(gen[tptypes.ModuleName], &tp))
		tp.Params.MaxActiveTasks = 3
		gen[tptypes.ModuleName] = a.AppCodec().MustMarshalJSON(&tp)
	}
	opts := sims.AppOptionsMap{flags.FlagHome: t.TempDir()}
	chainID := []func(*baseapp.BaseApp){baseapp.SetChainID(testChainID)}
	c := &multiResultChain{abciChain: newABCIChainEdited(t, opts, chainID, raiseLimit, owner, client, worker), worker: worker}
	price, prove := c.registerIris(owner)
	in := zktest.IrisInputs(t)[:3]
	w := worker.addr.String()
	var routes []sdk.Msg
	for _, input := range in {
		routes = append(routes, &routertypes.MsgRouteTask{
			Creator: client.addr.String(), ModelId: 1, Input: vector.Encode(input), Reward: price, Deadline: c.time.Add(time.Hour),
		})
	}
	c.deliver(c.sign(client, routes...), c.sign(worker, &tptypes.MsgRegisterWorker{Worker: w},
		&rewardstypes.MsgBond{Worker: w, Amount: sdk.NewInt64Coin(app.BondDenom, rewardstypes.DefaultMinWorkerBond)}))
	c.deliver(c.sign(worker, &routertypes.MsgClaimBest{Worker: w, ModelId: 1, Count: 3}))
	for i, input := range in {
		out, proof := prove(testChainID, uint64(i+1), worker.addr, input)
		c.results = append(c.results, &tptypes.MsgSubmitResult{Worker: w, TaskId: uint64(i + 1), Output: out, Proof: proof})
	}
	out2 := c.results[1].(*tptypes.MsgSubmitResult).Output
	c.bad = &tptypes.MsgSubmitResult{Worker: w, TaskId: 2, Output: out2, Proof: c.results[2].(*tptypes.MsgSubmitResult).Proof}
	return c
}

// TestResultsInOneTxSettleAsAlone: a transaction with the results of tasks 1
// and 2 leaves the state that two transactions of one result each leave
// (accounts' sequences aside), emits the same events per result, and each
// result uses the gas it uses alone: only the transaction's own cost (the
// ante handler's) is paid once instead of twice.
func TestResultsInOneTxSettleAsAlone(t *testing.T) {
	one := newMultiResultChain(t)
	tx := one.sign(one.worker, one.results[0], one.results[1])
	oneAnte := one.anteGas(tx)
	together := one.deliver(tx)[0]

	alone := one.twin()
	txs := [][]byte{alone.sign(alone.worker, alone.results[0]), alone.sign(alone.worker, alone.results[1])}
	aloneAnte := alone.anteGas(txs...)
	apart := alone.deliver(txs...)

	require.Equal(t, apart[0].GasUsed+apart[1].GasUsed-aloneAnte, together.GasUsed-oneAnte,
		"the results' own gas is the same in one transaction as in two")
	require.Equal(t, append(msgEvents(apart[0]), msgEvents(apart[1])...), msgEvents(together))
	require.Equal(t, 2, countType(msgEvents(together), "hyra.taskpool.v1.EventTaskCompleted"))
	require.Equal(t, alone.exportWithoutAuth(), one.exportWithoutAuth())
	for _, c := range []*multiResultChain{one, alone} {
		require.Equal(t, []tptypes.TaskStatus{tptypes.TASK_STATUS_COMPLETED, tptypes.TASK_STATUS_COMPLETED, tptypes.TASK_STATUS_CLAIMED}, c.statuses())
	}
}

// TestBadResultFailsItsWholeTx: a transaction with a valid result and an
// invalid one fails as a whole, with the invalid proof's error: neither task
// settles, both stay claimed, and the state is that of a block without the
// transaction (its sequence aside), so no coin moved. The valid result then
// settles on its own.
func TestBadResultFailsItsWholeTx(t *testing.T) {
	failed := newMultiResultChain(t)
	res := failed.block(true, failed.sign(failed.worker, failed.results[0], failed.bad))[0]
	require.Equal(t, tptypes.ErrInvalidProof.ABCICode(), res.Code, res.Log)

	empty := failed.twin()
	empty.worker.seq++ // the failed transaction's sequence
	empty.block(true)
	require.Equal(t, empty.exportWithoutAuth(), failed.exportWithoutAuth())
	require.Equal(t, []tptypes.TaskStatus{tptypes.TASK_STATUS_CLAIMED, tptypes.TASK_STATUS_CLAIMED, tptypes.TASK_STATUS_CLAIMED}, failed.statuses())

	failed.deliver(failed.sign(failed.worker, failed.results[0]))
	require.Equal(t, tptypes.TASK_STATUS_COMPLETED, failed.statuses()[0])
}

// anteGas returns the gas the app's ante handler charges txs, run one after
// the other on the last committed state: each transaction's own cost (size,
// signature, sequence, the verification gas of each result), without its
// messages.
func (c *abciChain) anteGas(txs ...[]byte) int64 {
	c.t.Helper()
	ctx, _ := c.app.NewUncachedContext(false, cmtproto.Header{ChainID: testChainID, Height: c.height + 1, Time: c.time}).CacheContext()
	var total uint64
	for _, tx := range txs {
		decoded, err := c.app.TxConfig().TxDecoder()(tx)
		require.NoError(c.t, err)
		ctx, err = c.app.AnteHandler()(ctx.WithTxBytes(tx), decoded, false)
		require.NoError(c.t, err)
		total += ctx.GasMeter().GasConsumed()
	}
	return int64(total) //nolint:gosec // G115: test transactions use far less than 2^63 gas
}

// exportWithoutAuth is the chain's exported genesis state without x/auth,
// whose accounts' sequences count transactions.
func (c *abciChain) exportWithoutAuth() map[string]json.RawMessage {
	c.t.Helper()
	exported, err := c.app.ExportAppStateAndValidators(false, nil, nil)
	require.NoError(c.t, err)
	var state map[string]json.RawMessage
	require.NoError(c.t, json.Unmarshal(exported.AppState, &state))
	delete(state, "auth")
	return state
}

// statuses returns the status of tasks 1, 2 and 3.
func (c *multiResultChain) statuses() []tptypes.TaskStatus {
	c.t.Helper()
	ctx := c.app.NewUncachedContext(false, cmtproto.Header{ChainID: testChainID, Height: c.height})
	var out []tptypes.TaskStatus
	for id := uint64(1); id <= 3; id++ {
		task, err := c.app.TaskPoolKeeper.GetTask(ctx, id)
		require.NoError(c.t, err)
		out = append(out, task.Status)
	}
	return out
}

// msgEvents returns the events a transaction's messages emitted, without
// their msg_index (which numbers them within the transaction) and without the
// ante handler's events (fee, sequence, signature), which carry none.
func msgEvents(r *abci.ExecTxResult) []abci.Event {
	var out []abci.Event
	for _, e := range r.Events {
		var attrs []abci.EventAttribute
		indexed := false
		for _, a := range e.Attributes {
			if a.Key == "msg_index" {
				indexed = true
				continue
			}
			attrs = append(attrs, a)
		}
		if indexed {
			out = append(out, abci.Event{Type: e.Type, Attributes: attrs})
		}
	}
	return out
}

func countType(events []abci.Event, typ string) int {
	n := 0
	for _, e := range events {
		if e.Type == typ {
			n++
		}
	}
	return n
}
