package keeper

import (
	"context"

	"github.com/hyra-network/hyra/x/internal/keeperutil"
	"github.com/hyra-network/hyra/x/taskpool/types"
)

// RetryRefund pays out the escrow of a REFUND_PENDING task; anyone may.
func (s msgServer) RetryRefund(ctx context.Context, msg *types.MsgRetryRefund) (*types.MsgRetryRefundResponse, error) {
	if _, _, err := keeperutil.DecodeAddress(s.k.addressCodec, types.ErrInvalidAddress, "sender", msg.Sender); err != nil {
		return nil, err
	}
	refund, recipient, err := s.k.RetryRefund(ctx, msg.TaskId)
	if err != nil {
		return nil, err
	}
	return &types.MsgRetryRefundResponse{Refund: refund, Recipient: recipient}, nil
}
