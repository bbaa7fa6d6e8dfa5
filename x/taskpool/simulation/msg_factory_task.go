package simulation

import (
	"context"
	stdmath "math"

	"cosmossdk.io/math"

	"github.com/cosmos/cosmos-sdk/testutil/simsx"
	sdk "github.com/cosmos/cosmos-sdk/types"

	mrtypes "github.com/hyra-network/hyra/x/modelregistry/types"
	"github.com/hyra-network/hyra/x/taskpool/keeper"
	"github.com/hyra-network/hyra/x/taskpool/types"
)

// MsgSubmitTaskFactory submits a task with a valid input, a reward of one to
// two times the model price and a deadline within the params, to a random
// active pool of an active model.
func MsgSubmitTaskFactory(d Deps) simsx.SimMsgFactoryFn[*types.MsgSubmitTask] {
	return func(ctx context.Context, testData *simsx.ChainDataSource, reporter simsx.SimulationReporter) ([]simsx.SimAccount, *types.MsgSubmitTask) {
		r := testData.Rand()
		params, err := d.Keeper.Params.Get(ctx)
		if err != nil {
			reporter.Skip(err.Error())
			return nil, nil
		}
		var model mrtypes.Model
		pool, ok := RandomPool(ctx, d.Keeper, r, func(p types.Pool) bool {
			m, err := d.Models.GetModel(ctx, p.ModelId)
			model = m
			return err == nil && p.Active && m.Active
		})
		if !ok {
			reporter.Skip("no active pool of an active model")
			return nil, nil
		}
		version, err := d.Models.GetModelVersion(ctx, model.Id, model.Version)
		if err != nil {
			reporter.Skip(err.Error())
			return nil, nil
		}
		reward, creator, ok := PayReward(testData, reporter, model.Price)
		if !ok {
			return nil, nil
		}
		now := sdk.UnwrapSDKContext(ctx).BlockTime()
		input, encoding := RandomInput(r.Rand, version.InputSchema)
		return []simsx.SimAccount{creator}, &types.MsgSubmitTask{
			Creator:       creator.AddressBech32,
			PoolId:        pool.Id,
			Input:         input,
			InputEncoding: encoding,
			Reward:        reward,
			Deadline:      RandomDeadline(r.Rand, now, params),
		}
	}
}

// MsgCancelTaskFactory withdraws a random open task of a sim account.
func MsgCancelTaskFactory(k keeper.Keeper) simsx.SimMsgFactoryFn[*types.MsgCancelTask] {
	return func(ctx context.Context, testData *simsx.ChainDataSource, reporter simsx.SimulationReporter) ([]simsx.SimAccount, *types.MsgCancelTask) {
		task, ok := RandomTask(ctx, k, testData.Rand(), types.TASK_STATUS_OPEN, func(t types.Task) bool {
			return testData.HasAccount(t.Creator)
		})
		if !ok {
			reporter.Skip("no open task of a sim account")
			return nil, nil
		}
		creator := testData.GetAccount(reporter, task.Creator)
		if reporter.IsSkipped() {
			return nil, nil
		}
		return []simsx.SimAccount{creator}, &types.MsgCancelTask{Creator: creator.AddressBech32, TaskId: task.Id}
	}
}

// RandomReward returns a reward of one to two times price (just price when
// the price does not fit an int64).
func RandomReward(r *simsx.XRand, price sdk.Coin) sdk.Coin {
	extra := math.ZeroInt()
	if price.Amount.IsInt64() && price.Amount.Int64() < stdmath.MaxInt64 {
		extra = math.NewInt(r.Int63n(price.Amount.Int64() + 1))
	}
	return sdk.NewCoin(price.Denom, price.Amount.Add(extra))
}

// PayReward picks an account that can escrow a random reward of at least price
// and reserves it from the account's liquid balance (so that the random fee
// leaves enough); ok is false when it skipped.
func PayReward(testData *simsx.ChainDataSource, reporter simsx.SimulationReporter, price sdk.Coin) (sdk.Coin, simsx.SimAccount, bool) {
	reward := RandomReward(testData.Rand(), price)
	acc := testData.AnyAccount(reporter, simsx.WithLiquidBalanceGTE(reward))
	if reporter.IsSkipped() || !acc.LiquidBalance().BlockAmount(reward) {
		reporter.Skip("no account can pay the reward")
		return reward, acc, false
	}
	return reward, acc, true
}
