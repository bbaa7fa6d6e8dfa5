package keeper

import (
	"context"

	"github.com/hyra-network/hyra/x/modelregistry/types"
)

// UpdateParams replaces the module params; only the authority may.
func (s msgServer) UpdateParams(ctx context.Context, msg *types.MsgUpdateParams) (*types.MsgUpdateParamsResponse, error) {
	if err := s.k.UpdateParams(ctx, msg.Authority, msg.Params); err != nil {
		return nil, err
	}
	return &types.MsgUpdateParamsResponse{}, nil
}
