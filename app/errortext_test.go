package app_test

import (
	"context"
	"testing"

	abci "github.com/cometbft/cometbft/abci/types"
	"github.com/stretchr/testify/require"

	"github.com/cosmos/cosmos-sdk/client"
	txtypes "github.com/cosmos/cosmos-sdk/types/tx"
)

// TestSimulationErrorHasNoSourcePath: a simulation the handler refuses
// answers the handler's message without the file and line where the error
// was made (the SDK formats it with %v, which appends them to an errorsmod
// error: "pool not found [.../x/taskpool/keeper/keeper.go:154]").
func TestSimulationErrorHasNoSourcePath(t *testing.T) {
	c := newPoolChain(t)
	c.app.RegisterTxService(client.Context{})
	bad := c.submit()
	bad.PoolId = 9
	req, err := (&txtypes.SimulateRequest{TxBytes: c.sign(c.client, bad)}).Marshal()
	require.NoError(t, err)
	res, err := c.app.Query(context.Background(), &abci.RequestQuery{Path: "/cosmos.tx.v1beta1.Service/Simulate", Data: req})
	require.NoError(t, err)
	require.NotZero(t, res.Code)
	require.Contains(t, res.Log, "pool 9: pool not found")
	require.NotContains(t, res.Log, ".go")
}
