package router_test

import (
	"testing"

	"github.com/stretchr/testify/require"

	sdk "github.com/cosmos/cosmos-sdk/types"

	"github.com/hyra-network/hyra/x/router/types"
)

func TestWorkerStatusExplainsWhyNot(t *testing.T) {
	n := newNet(t)
	stranger := sdk.AccAddress("stranger____________")
	status, err := n.queries.WorkerStatus(n.Ctx, &types.QueryWorkerStatusRequest{Worker: stranger.String()})
	require.NoError(t, err)
	require.False(t, status.Registered)
	require.Contains(t, status.Reason, "not registered")

	_, err = n.claimBest(stranger, 0)
	require.ErrorContains(t, err, "worker is not registered")

	status, err = n.queries.WorkerStatus(n.Ctx, &types.QueryWorkerStatusRequest{Worker: n.worker.String()})
	require.NoError(t, err)
	require.True(t, status.Registered)
	require.True(t, status.CanClaim)
	require.Equal(t, int64(100), status.Reputation)
}
