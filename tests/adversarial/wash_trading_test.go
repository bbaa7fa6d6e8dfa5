package adversarial

import (
	"fmt"
	"testing"
	"time"

	"cosmossdk.io/math"
	"github.com/stretchr/testify/require"

	sdk "github.com/cosmos/cosmos-sdk/types"
	authtypes "github.com/cosmos/cosmos-sdk/x/auth/types"

	mrtypes "github.com/hyra-network/hyra/x/modelregistry/types"
	rewardstypes "github.com/hyra-network/hyra/x/rewards/types"
	routertypes "github.com/hyra-network/hyra/x/router/types"
	tptypes "github.com/hyra-network/hyra/x/taskpool/types"
	"github.com/hyra-network/hyra/zk/vector"
)

// TestWashTradingLosesMoney plays the wash-trading strategy of issue 12 on
// the real app: one party owns a model, routes tasks to it from its client
// accounts and works them with its worker accounts (valid proofs), in an
// epoch whose reward pool someone else funded with 1,000 HYRA, with and
// without honest traffic beside it. Before the fix a few uhyra of fees took
// most of the pool. Now the party ends every epoch poorer than it started:
// its epoch rewards are at most 90% of the fees it paid. Honest workers
// still earn epoch rewards from fees their clients paid.
func TestWashTradingLosesMoney(t *testing.T) {
	for _, tc := range []struct {
		clients, workers, tasks int
		honest                  bool
	}{
		{clients: 1, workers: 1, tasks: 2},
		{clients: 3, workers: 4, tasks: 8},
		{clients: 2, workers: 3, tasks: 6, honest: true},
	} {
		name := fmt.Sprintf("%d clients, %d workers, %d tasks, honest traffic %t", tc.clients, tc.workers, tc.tasks, tc.honest)
		t.Run(name, func(t *testing.T) {
			f := newFixture(t)
			f.setEpochLength(20)
			funder := sdk.AccAddress("funder______________")
			f.Fund(funder, sdk.NewCoins(hyra(1_000)))
			f.mustDeliver(&rewardstypes.MsgFundRewardPool{Funder: funder.String(), Amount: hyra(1_000)})

			party := f.washParty(tc.clients, tc.workers)
			before := f.wealth(party.all())
			feesPaid := math.ZeroInt()
			for i := range tc.tasks {
				client, worker := party.clients[i%tc.clients], party.workers[i%tc.workers]
				feesPaid = feesPaid.Add(f.washTask(client, worker, party.modelID))
				if tc.honest {
					id := f.submit()
					f.claim(f.worker, id)
					f.mustDeliver(f.honestResult(f.worker, id))
				}
				f.NextBlock(time.Second)
			}
			honestBefore := f.Balance(f.worker, "uhyra")
			f.finishEpochs()

			gained := f.wealth(party.all()).Sub(before)
			t.Logf("the party paid %s uhyra of fees and gained %s uhyra", feesPaid, gained)
			require.True(t, feesPaid.IsPositive())
			require.True(t, gained.IsNegative(), "the party gained %s uhyra after paying %s of fees", gained, feesPaid)
			// It paid the fees; its epoch rewards returned at most 90% of them.
			rewards := gained.Add(feesPaid)
			require.True(t, rewards.LTE(feesPaid.MulRaw(9).QuoRaw(10)), "epoch rewards %s on %s of fees", rewards, feesPaid)
			if tc.honest {
				require.True(t, f.Balance(f.worker, "uhyra").Amount.GT(honestBefore.Amount), "the honest worker earns from its clients' fees")
			}
			pool := f.Balance(authtypes.NewModuleAddress(rewardstypes.RewardPoolName), "uhyra")
			require.True(t, pool.Amount.GT(hyra(999).Amount), "the pool keeps what the caps held back: %s", pool)
		})
	}
}

// washParty is the accounts of one party: a model owner, clients and
// bonded workers.
type washParty struct {
	owner            sdk.AccAddress
	clients, workers []sdk.AccAddress
	modelID          uint64
}

func (p washParty) all() []sdk.AccAddress {
	return append(append([]sdk.AccAddress{p.owner}, p.clients...), p.workers...)
}

// washParty funds a party, registers its model (the iris circuit, priced at
// 100 uhyra so that each task pays a 5 uhyra fee) and bonds its workers.
// These costs are sunk before the party's wealth is measured, in its favour.
func (f *fixture) washParty(clients, workers int) washParty {
	f.T.Helper()
	p := washParty{owner: sdk.AccAddress("wash_owner__________")}
	for i := range clients {
		p.clients = append(p.clients, sdk.AccAddress(fmt.Sprintf("wash_client_%08d", i)))
	}
	for i := range workers {
		p.workers = append(p.workers, sdk.AccAddress(fmt.Sprintf("wash_worker_%08d", i)))
	}
	for _, a := range p.all() {
		f.Fund(a, sdk.NewCoins(hyra(100)))
	}
	reg := f.registerMsg(sdk.NewInt64Coin("uhyra", 100)) // a 5 uhyra fee per task
	reg.Owner = p.owner.String()
	var out mrtypes.MsgRegisterModelResponse
	f.deliverInto(reg, &out)
	p.modelID = out.Id
	for _, w := range p.workers {
		f.mustDeliver(&tptypes.MsgRegisterWorker{Worker: w.String()})
		f.mustDeliver(&rewardstypes.MsgBond{Worker: w.String(), Amount: hyra(10)})
	}
	f.NextBlock(time.Second)
	return p
}

// washTask routes a task of the party's model from client at the model's
// price, has worker claim and prove it, and returns the protocol fee paid.
func (f *fixture) washTask(client, worker sdk.AccAddress, modelID uint64) math.Int {
	f.T.Helper()
	price := sdk.NewInt64Coin("uhyra", 100)
	var routed routertypes.MsgRouteTaskResponse
	f.deliverInto(&routertypes.MsgRouteTask{
		Creator: client.String(), ModelId: modelID, Input: vector.Encode(f.input), Reward: price,
		Deadline: f.Ctx.BlockTime().Add(time.Hour),
	}, &routed)
	f.claim(worker, routed.TaskId)
	f.mustDeliver(f.honestResult(worker, routed.TaskId))
	params, err := f.rewards.Params.Get(f.Ctx)
	require.NoError(f.T, err)
	split, err := rewardstypes.SplitEscrow(price.Amount, params.WorkerShareBps, params.ModelOwnerShareBps, params.RewardPoolShareBps)
	require.NoError(f.T, err)
	return split.CommunityPool.Add(split.RewardPool)
}

// wealth is what the accounts hold in uhyra, liquid and bonded.
func (f *fixture) wealth(accounts []sdk.AccAddress) math.Int {
	f.T.Helper()
	total := math.ZeroInt()
	for _, a := range accounts {
		total = total.Add(f.Balance(a, "uhyra").Amount)
		bond, err := f.rewards.GetBond(f.Ctx, a)
		require.NoError(f.T, err)
		total = total.Add(bond.Bonded.Amount).Add(bond.Unbonding.Amount)
	}
	return total
}

func (f *fixture) setEpochLength(blocks int64) {
	f.T.Helper()
	params, err := f.rewards.Params.Get(f.Ctx)
	require.NoError(f.T, err)
	params.EpochLength = blocks
	require.NoError(f.T, f.rewards.Params.Set(f.Ctx, params))
}

// finishEpochs ends the epoch in progress and runs blocks until every ended
// epoch is paid out.
func (f *fixture) finishEpochs() {
	f.T.Helper()
	params, err := f.rewards.Params.Get(f.Ctx)
	require.NoError(f.T, err)
	for f.Ctx.BlockHeight()%params.EpochLength != 0 {
		f.NextBlock(time.Second)
	}
	f.NextBlock(time.Second)
	for range 10 {
		f.NextBlock(time.Second)
	}
	require.NoError(f.T, f.rewards.PendingPayouts.Walk(f.Ctx, nil, func(epoch uint64, _ rewardstypes.PendingPayout) (bool, error) {
		return true, fmt.Errorf("epoch %d is not paid out", epoch)
	}))
}
