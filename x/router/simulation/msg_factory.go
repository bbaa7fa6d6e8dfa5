// Package simulation holds the x/router parts of the app simulation: simsx
// message factories for its two messages. The router keeps no state of its
// own, so it has no genesis or store to simulate.
package simulation

import (
	"context"
	"time"

	"github.com/cosmos/cosmos-sdk/testutil/simsx"
	sdk "github.com/cosmos/cosmos-sdk/types"

	"github.com/hyra-network/hyra/x/router/types"
	tpsim "github.com/hyra-network/hyra/x/taskpool/simulation"
	tptypes "github.com/hyra-network/hyra/x/taskpool/types"
)

// Deps are what the router's factories read: x/taskpool and x/rewards as the
// router itself does, the model versions for valid inputs, and random picks.
type Deps struct {
	TaskPool    types.TaskPoolKeeper
	Rewards     types.RewardsKeeper
	Models      tptypes.ModelRegistryKeeper
	RandomModel tpsim.RandomModelFunc
	// RandomClaimer returns a random worker that may claim now.
	RandomClaimer func(ctx context.Context, r *simsx.XRand) (sdk.AccAddress, bool)
}

// WeightedOperationsX registers a factory for each message of the module.
func WeightedOperationsX(weights simsx.WeightSource, reg simsx.Registry, d Deps) {
	reg.Add(weights.Get("msg_route_task", 60), MsgRouteTaskFactory(d))
	reg.Add(weights.Get("msg_claim_best", 40), MsgClaimBestFactory(d))
}

// MsgRouteTaskFactory routes a task with a valid input, reward and deadline
// for a random active model.
func MsgRouteTaskFactory(d Deps) simsx.SimMsgFactoryFn[*types.MsgRouteTask] {
	return func(ctx context.Context, testData *simsx.ChainDataSource, reporter simsx.SimulationReporter) ([]simsx.SimAccount, *types.MsgRouteTask) {
		r := testData.Rand()
		params, err := d.TaskPool.GetParams(ctx)
		if err != nil {
			reporter.Skip(err.Error())
			return nil, nil
		}
		model, ok := d.RandomModel(ctx, r)
		if !ok || !model.Active {
			reporter.Skip("no active model")
			return nil, nil
		}
		version, err := d.Models.GetModelVersion(ctx, model.Id, model.Version)
		if err != nil {
			reporter.Skip(err.Error())
			return nil, nil
		}
		reward, creator, ok := tpsim.PayReward(testData, reporter, model.Price)
		if !ok {
			return nil, nil
		}
		deadline, ok := tpsim.RandomRoutableDeadline(r.Rand, sdk.UnwrapSDKContext(ctx).BlockTime(), params)
		if !ok {
			reporter.Skip("no deadline leaves every pool's claim timeout")
			return nil, nil
		}
		input, encoding := tpsim.RandomInput(r.Rand, version.InputSchema)
		return []simsx.SimAccount{creator}, &types.MsgRouteTask{
			Creator:       creator.AddressBech32,
			ModelId:       model.Id,
			Input:         input,
			InputEncoding: encoding,
			Reward:        reward,
			Deadline:      deadline,
		}
	}
}

// MsgClaimBestFactory claims the best task for a random worker that may
// claim, when there is one it is admitted to: across all models, for one
// model, or for one model's current version, sometimes with a minimum window
// of a random claim timeout.
func MsgClaimBestFactory(d Deps) simsx.SimMsgFactoryFn[*types.MsgClaimBest] {
	return func(ctx context.Context, testData *simsx.ChainDataSource, reporter simsx.SimulationReporter) ([]simsx.SimAccount, *types.MsgClaimBest) {
		r := testData.Rand()
		addr, ok := d.RandomClaimer(ctx, r)
		if !ok {
			reporter.Skip("no worker that may claim")
			return nil, nil
		}
		worker := testData.GetAccountbyAccAddr(reporter, addr)
		if reporter.IsSkipped() {
			return nil, nil
		}
		rep, err := d.Rewards.Reputation(ctx, addr)
		if err != nil {
			reporter.Skip(err.Error())
			return nil, nil
		}
		params, err := d.TaskPool.GetParams(ctx)
		if err != nil {
			reporter.Skip(err.Error())
			return nil, nil
		}
		msg := &types.MsgClaimBest{Worker: worker.AddressBech32}
		if m, ok := d.RandomModel(ctx, r); ok {
			switch r.Intn(3) {
			case 0:
				msg.ModelId = m.Id
			case 1:
				msg.Models = []types.ServedModel{{ModelId: m.Id, Versions: []uint64{m.Version}}}
			}
		}
		if r.Intn(2) == 0 {
			msg.MinWindow = params.MinClaimTimeout + time.Duration(r.Int63n(int64(params.MaxClaimTimeout-params.MinClaimTimeout)+1))
		}
		want := tptypes.ClaimFilter{MinWindow: msg.MinWindow}
		if msg.ModelId != 0 {
			want.Models = []tptypes.ServedVersions{{ModelID: msg.ModelId}}
		}
		for _, m := range msg.Models {
			want.Models = append(want.Models, tptypes.ServedVersions{ModelID: m.ModelId, Versions: m.Versions})
		}
		if _, found, err := d.TaskPool.BestOpenTask(ctx, want, rep); err != nil || !found {
			reporter.Skip("no task the worker may claim")
			return nil, nil
		}
		return []simsx.SimAccount{worker}, msg
	}
}
