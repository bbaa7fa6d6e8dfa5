package taskpool_test

import (
	"testing"
	"time"

	gogoproto "github.com/cosmos/gogoproto/proto"
	"github.com/stretchr/testify/require"

	sdk "github.com/cosmos/cosmos-sdk/types"
	authtypes "github.com/cosmos/cosmos-sdk/x/auth/types"
	banktestutil "github.com/cosmos/cosmos-sdk/x/bank/testutil"
	distrtypes "github.com/cosmos/cosmos-sdk/x/distribution/types"
	minttypes "github.com/cosmos/cosmos-sdk/x/mint/types"

	"github.com/hyra-network/hyra/x/taskpool/types"
	"github.com/hyra-network/hyra/zk/vector"
)

// TestFailedRefundIsRecoverableOnTheRealApp gives a task a creator whose
// refund the real bank refuses: x/mint's module account, which app_config.go
// blocks from receiving coins (as x/router would, were such an account its
// signer; a genesis can hold such tasks too). At the deadline EndBlock cannot
// refund it; before, it dropped the task from the deadline queue with its
// escrow locked forever. Now the task becomes REFUND_PENDING with its escrow,
// and a MsgRetryRefund from anyone pays the escrow to the community pool,
// since the creator can never receive it.
func TestFailedRefundIsRecoverableOnTheRealApp(t *testing.T) {
	c := newChain(t)
	creator := authtypes.NewModuleAddress(minttypes.ModuleName)
	require.True(t, c.Bank.BlockedAddr(creator))
	require.NoError(t, banktestutil.FundModuleAccount(c.Ctx, c.Bank, minttypes.ModuleName, sdk.NewCoins(hyra(5))))
	id, err := c.k.SubmitTask(c.Ctx, creator, c.poolID, vector.Encode(c.input), types.VECTOR_ENCODING_INT64, hyra(3), c.Ctx.BlockTime().Add(2*time.Minute))
	require.NoError(t, err)
	c.NextBlock(2 * time.Minute)
	c.NextBlock(time.Second)

	require.Equal(t, types.TASK_STATUS_REFUND_PENDING, c.task(id).Status)
	require.Equal(t, hyra(3).Amount, c.uhyra(c.escrowAddr), "the escrow is still held")
	require.NoError(t, c.k.CheckEscrowInvariant(c.Ctx))
	gs, err := c.k.ExportGenesis(c.Ctx)
	require.NoError(t, err)
	require.NoError(t, gs.Validate())

	// Anyone retries; the escrow goes where it can: the community pool.
	cpBefore := c.communityPool()
	res := c.deliver(&types.MsgRetryRefund{Sender: c.user.String(), TaskId: id})
	var out types.MsgRetryRefundResponse
	require.NoError(t, gogoproto.Unmarshal(res.MsgResponses[0].Value, &out))
	require.Equal(t, hyra(3), out.Refund)
	require.Equal(t, authtypes.NewModuleAddress(distrtypes.ModuleName).String(), out.Recipient)
	require.Equal(t, types.TASK_STATUS_EXPIRED, c.task(id).Status)
	require.Equal(t, hyra(3).Amount.ToLegacyDec(), c.communityPool().Sub(cpBefore))
	require.True(t, c.uhyra(c.escrowAddr).IsZero())
	require.NoError(t, c.k.CheckEscrowInvariant(c.Ctx))

	_, err = c.Deliver(&types.MsgRetryRefund{Sender: c.user.String(), TaskId: id})
	require.ErrorContains(t, err, "only REFUND_PENDING tasks have a refund to retry")
	_, err = c.Deliver(&types.MsgRetryRefund{Sender: c.user.String(), TaskId: 999})
	require.ErrorContains(t, err, "not found")
}
