package keeper

import (
	"context"

	errorsmod "cosmossdk.io/errors"

	sdk "github.com/cosmos/cosmos-sdk/types"

	"github.com/hyra-network/hyra/x/internal/keeperutil"
	"github.com/hyra-network/hyra/x/rewards/types"
)

// msgServer decodes messages and builds responses; the keeper does the work. It keeps the
// keeper as a field, not embedded, so that no handler hides a keeper method of the same name.
type msgServer struct {
	k Keeper
}

var _ types.MsgServer = msgServer{}

// NewMsgServerImpl returns the Msg service of x/rewards.
func NewMsgServerImpl(k Keeper) types.MsgServer {
	return msgServer{k: k}
}

// Bond moves coins from the worker into its bond; any positive amount of the
// bond denom tops the bond up.
func (s msgServer) Bond(ctx context.Context, msg *types.MsgBond) (*types.MsgBondResponse, error) {
	k := s.k
	worker, workerStr, err := keeperutil.DecodeAddress(k.addressCodec, types.ErrInvalidAddress, "worker", msg.Worker)
	if err != nil {
		return nil, err
	}
	params, err := k.Params.Get(ctx)
	if err != nil {
		return nil, err
	}
	if err := validateBondAmount(msg.Amount, params); err != nil {
		return nil, err
	}
	bond, err := k.addBond(ctx, worker, msg.Amount)
	if err != nil {
		return nil, err
	}
	return &types.MsgBondResponse{Bonded: bond.Bonded}, sdk.UnwrapSDKContext(ctx).EventManager().EmitTypedEvent(&types.EventBonded{
		Worker: workerStr,
		Amount: msg.Amount,
		Bonded: bond.Bonded,
	})
}

// Unbond starts returning part of the worker's bond. The coins stay in the
// bond pool, and slashable, until the unbonding period has passed.
func (s msgServer) Unbond(ctx context.Context, msg *types.MsgUnbond) (*types.MsgUnbondResponse, error) {
	k := s.k
	worker, workerStr, err := keeperutil.DecodeAddress(k.addressCodec, types.ErrInvalidAddress, "worker", msg.Worker)
	if err != nil {
		return nil, err
	}
	params, err := k.Params.Get(ctx)
	if err != nil {
		return nil, err
	}
	if err := validateBondAmount(msg.Amount, params); err != nil {
		return nil, err
	}
	u, err := k.startUnbonding(ctx, worker, msg.Amount, params)
	if err != nil {
		return nil, err
	}
	return &types.MsgUnbondResponse{UnbondingId: u.Id, CompletionTime: u.CompletionTime},
		sdk.UnwrapSDKContext(ctx).EventManager().EmitTypedEvent(&types.EventUnbondingStarted{
			UnbondingId:    u.Id,
			Worker:         workerStr,
			Amount:         u.Amount,
			CompletionTime: u.CompletionTime,
		})
}

// FundRewardPool moves coins from anyone into the epoch reward pool. Only the
// bond denom is accepted, so that payouts stay one transfer per worker.
func (s msgServer) FundRewardPool(ctx context.Context, msg *types.MsgFundRewardPool) (*types.MsgFundRewardPoolResponse, error) {
	k := s.k
	funder, funderStr, err := keeperutil.DecodeAddress(k.addressCodec, types.ErrInvalidAddress, "funder", msg.Funder)
	if err != nil {
		return nil, err
	}
	params, err := k.Params.Get(ctx)
	if err != nil {
		return nil, err
	}
	if err := validateBondAmount(msg.Amount, params); err != nil {
		return nil, err
	}
	if err := k.bankKeeper.SendCoinsFromAccountToModule(ctx, funder, types.RewardPoolName, sdk.NewCoins(msg.Amount)); err != nil {
		return nil, errorsmod.Wrapf(err, "funding the reward pool with %s", msg.Amount)
	}
	return &types.MsgFundRewardPoolResponse{}, sdk.UnwrapSDKContext(ctx).EventManager().EmitTypedEvent(&types.EventRewardPoolFunded{
		Funder: funderStr,
		Amount: msg.Amount,
	})
}

// UpdateParams replaces the module params; only the authority may. The bond
// denom cannot change: bonds, unbondings and the pool are held in it.
func (s msgServer) UpdateParams(ctx context.Context, msg *types.MsgUpdateParams) (*types.MsgUpdateParamsResponse, error) {
	k := s.k
	if msg.Authority != k.authority {
		return nil, errorsmod.Wrapf(types.ErrInvalidAuthority, "expected %s, got %s", k.authority, msg.Authority)
	}
	if err := msg.Params.Validate(); err != nil {
		return nil, errorsmod.Wrap(types.ErrInvalidParams, err.Error())
	}
	old, err := k.Params.Get(ctx)
	if err != nil {
		return nil, err
	}
	if msg.Params.BondDenom() != old.BondDenom() {
		return nil, errorsmod.Wrapf(types.ErrInvalidParams, "the bond denom cannot change from %s to %s", old.BondDenom(), msg.Params.BondDenom())
	}
	if err := k.checkUnbondingOutlastsClaims(ctx, msg.Params.UnbondingPeriod); err != nil {
		return nil, errorsmod.Wrap(types.ErrInvalidParams, err.Error())
	}
	return &types.MsgUpdateParamsResponse{}, k.Params.Set(ctx, msg.Params)
}
