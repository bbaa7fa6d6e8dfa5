package keeper

import (
	"context"

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

// Bond tops up the signer's bond (Keeper.Bond).
func (s msgServer) Bond(ctx context.Context, msg *types.MsgBond) (*types.MsgBondResponse, error) {
	worker, _, err := keeperutil.DecodeAddress(s.k.addressCodec, types.ErrInvalidAddress, "worker", msg.Worker)
	if err != nil {
		return nil, err
	}
	bond, err := s.k.Bond(ctx, worker, msg.Amount)
	if err != nil {
		return nil, err
	}
	return &types.MsgBondResponse{Bonded: bond.Bonded}, nil
}

// Unbond starts returning part of the signer's bond (Keeper.Unbond).
func (s msgServer) Unbond(ctx context.Context, msg *types.MsgUnbond) (*types.MsgUnbondResponse, error) {
	worker, _, err := keeperutil.DecodeAddress(s.k.addressCodec, types.ErrInvalidAddress, "worker", msg.Worker)
	if err != nil {
		return nil, err
	}
	u, err := s.k.Unbond(ctx, worker, msg.Amount)
	if err != nil {
		return nil, err
	}
	return &types.MsgUnbondResponse{UnbondingId: u.Id, CompletionTime: u.CompletionTime}, nil
}

// FundRewardPool moves coins from the signer into the epoch reward pool (Keeper.FundRewardPool).
func (s msgServer) FundRewardPool(ctx context.Context, msg *types.MsgFundRewardPool) (*types.MsgFundRewardPoolResponse, error) {
	funder, _, err := keeperutil.DecodeAddress(s.k.addressCodec, types.ErrInvalidAddress, "funder", msg.Funder)
	if err != nil {
		return nil, err
	}
	if err := s.k.FundRewardPool(ctx, funder, msg.Amount); err != nil {
		return nil, err
	}
	return &types.MsgFundRewardPoolResponse{}, nil
}

// UpdateParams replaces the module params; only the authority may (Keeper.UpdateParams).
func (s msgServer) UpdateParams(ctx context.Context, msg *types.MsgUpdateParams) (*types.MsgUpdateParamsResponse, error) {
	if err := s.k.UpdateParams(ctx, msg.Authority, msg.Params); err != nil {
		return nil, err
	}
	return &types.MsgUpdateParamsResponse{}, nil
}
