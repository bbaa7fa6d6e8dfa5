package keeper

import (
	"context"

	sdk "github.com/cosmos/cosmos-sdk/types"

	"github.com/hyra-network/hyra/x/internal/keeperutil"
	"github.com/hyra-network/hyra/x/modelregistry/types"
)

// msgServer decodes messages and builds responses; the keeper does the work. It keeps the
// keeper as a field, not embedded, so that no handler hides a keeper method of the same name.
type msgServer struct {
	k Keeper
}

var _ types.MsgServer = msgServer{}

// NewMsgServerImpl returns the Msg service of x/modelregistry.
func NewMsgServerImpl(k Keeper) types.MsgServer {
	return msgServer{k: k}
}

// decodeOwner decodes the owner (signer) field of a message.
func (s msgServer) decodeOwner(owner string) (sdk.AccAddress, error) {
	bz, _, err := keeperutil.DecodeAddress(s.k.addressCodec, types.ErrInvalidAddress, "owner", owner)
	return bz, err
}

// RegisterModel registers a model at version 1 (Keeper.RegisterModel).
func (s msgServer) RegisterModel(ctx context.Context, msg *types.MsgRegisterModel) (*types.MsgRegisterModelResponse, error) {
	owner, err := s.decodeOwner(msg.Owner)
	if err != nil {
		return nil, err
	}
	id, err := s.k.RegisterModel(ctx, owner, msg)
	if err != nil {
		return nil, err
	}
	return &types.MsgRegisterModelResponse{Id: id}, nil
}

// UpdateModel registers the next version of a model (Keeper.UpdateModel).
func (s msgServer) UpdateModel(ctx context.Context, msg *types.MsgUpdateModel) (*types.MsgUpdateModelResponse, error) {
	owner, err := s.decodeOwner(msg.Owner)
	if err != nil {
		return nil, err
	}
	version, err := s.k.UpdateModel(ctx, owner, msg)
	if err != nil {
		return nil, err
	}
	return &types.MsgUpdateModelResponse{Version: version}, nil
}
