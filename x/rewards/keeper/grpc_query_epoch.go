package keeper

import (
	"context"
	"errors"

	"cosmossdk.io/collections"
	sdkmath "cosmossdk.io/math"
	"google.golang.org/grpc/codes"
	"google.golang.org/grpc/status"

	sdk "github.com/cosmos/cosmos-sdk/types"

	"github.com/hyra-network/hyra/x/rewards/types"
)

// PendingRewards returns a worker's work in the epoch in progress (protocol
// fee paid), what it would receive if the epoch ended now (its share by work
// of the pool's available balance, capped at epoch_reward_cap_bps of its
// work) and what ended epochs still owe it.
func (q queryServer) PendingRewards(ctx context.Context, req *types.QueryPendingRewardsRequest) (*types.QueryPendingRewardsResponse, error) {
	if req == nil {
		return nil, status.Error(codes.InvalidArgument, "empty request")
	}
	worker, err := q.worker(req.Worker)
	if err != nil {
		return nil, err
	}
	params, epoch, err := q.paramsAndEpoch(ctx)
	if err != nil {
		return nil, err
	}
	work, err := q.k.workOf(ctx, epoch.Number, worker)
	if err != nil {
		return nil, status.Error(codes.Internal, err.Error())
	}
	available, err := q.k.availableReward(ctx, params.BondDenom())
	if err != nil {
		return nil, status.Error(codes.Internal, err.Error())
	}
	current, err := types.EpochShare(available.Amount, work, epoch.TotalWork, params.EpochRewardCapBps)
	if err != nil {
		return nil, status.Error(codes.Internal, err.Error())
	}
	unpaid := sdkmath.ZeroInt()
	err = q.k.PendingPayouts.Walk(ctx, nil, func(e uint64, p types.PendingPayout) (bool, error) {
		owed, err := q.k.workOf(ctx, e, worker)
		if err != nil {
			return true, err
		}
		share, err := types.EpochShare(p.Amount.Amount, owed, p.TotalWork, params.EpochRewardCapBps)
		if err != nil {
			return true, err
		}
		unpaid = unpaid.Add(share)
		return false, nil
	})
	if err != nil {
		return nil, status.Error(codes.Internal, err.Error())
	}
	return &types.QueryPendingRewardsResponse{
		Work:         work,
		CurrentEpoch: sdk.NewCoin(params.BondDenom(), current),
		Unpaid:       sdk.NewCoin(params.BondDenom(), unpaid),
	}, nil
}

// RewardPool returns the reward pool's balance and what of it is available
// to the epoch in progress.
func (q queryServer) RewardPool(ctx context.Context, req *types.QueryRewardPoolRequest) (*types.QueryRewardPoolResponse, error) {
	if req == nil {
		return nil, status.Error(codes.InvalidArgument, "empty request")
	}
	params, err := q.k.Params.Get(ctx)
	if err != nil {
		return nil, status.Error(codes.Internal, err.Error())
	}
	available, err := q.k.availableReward(ctx, params.BondDenom())
	if err != nil {
		return nil, status.Error(codes.Internal, err.Error())
	}
	balance := q.k.bankKeeper.GetBalance(ctx, q.k.authKeeper.GetModuleAddress(types.RewardPoolName), params.BondDenom())
	return &types.QueryRewardPoolResponse{Balance: balance, Available: available}, nil
}

// EpochInfo returns the epoch in progress, the height at whose end it ends,
// and the ended epochs still being paid out.
func (q queryServer) EpochInfo(ctx context.Context, req *types.QueryEpochInfoRequest) (*types.QueryEpochInfoResponse, error) {
	if req == nil {
		return nil, status.Error(codes.InvalidArgument, "empty request")
	}
	params, epoch, err := q.paramsAndEpoch(ctx)
	if err != nil {
		return nil, err
	}
	var pending []types.PendingPayout
	err = q.k.PendingPayouts.Walk(ctx, nil, func(_ uint64, p types.PendingPayout) (bool, error) {
		pending = append(pending, p)
		return false, nil
	})
	if err != nil {
		return nil, status.Error(codes.Internal, err.Error())
	}
	height := sdk.UnwrapSDKContext(ctx).BlockHeight()
	return &types.QueryEpochInfoResponse{
		Epoch:            epoch,
		EpochLength:      params.EpochLength,
		NextPayoutHeight: (height/params.EpochLength + 1) * params.EpochLength,
		PendingPayouts:   pending,
	}, nil
}

func (q queryServer) paramsAndEpoch(ctx context.Context) (types.Params, types.EpochState, error) {
	params, err := q.k.Params.Get(ctx)
	if err != nil {
		return params, types.EpochState{}, status.Error(codes.Internal, err.Error())
	}
	epoch, err := q.k.Epoch.Get(ctx)
	if err != nil {
		return params, epoch, status.Error(codes.Internal, err.Error())
	}
	return params, epoch, nil
}

// workOf returns a worker's work (protocol fee paid) in an epoch, zero if none.
func (k Keeper) workOf(ctx context.Context, epoch uint64, worker sdk.AccAddress) (uint64, error) {
	work, err := k.EpochWork.Get(ctx, collections.Join(epoch, worker))
	if errors.Is(err, collections.ErrNotFound) {
		return 0, nil
	}
	return work, err
}
