package client

import (
	"testing"

	"github.com/stretchr/testify/require"

	sdk "github.com/cosmos/cosmos-sdk/types"

	modeltypes "github.com/hyra-network/hyra/x/modelregistry/types"
)

// TestAcceptsPrivate: client infer --private refuses, before any
// transaction, a model the chain would refuse a private task for.
func TestAcceptsPrivate(t *testing.T) {
	open := modeltypes.Model{Id: 4, Name: "digits-private", PrivatePrice: sdk.NewInt64Coin("uhyra", 3)}
	capable := modeltypes.ModelVersion{Version: 1, Private: true}
	require.NoError(t, acceptsPrivate(open, capable))
	require.ErrorContains(t, acceptsPrivate(open, modeltypes.ModelVersion{Version: 1}), "not private-capable")
	closed := open
	closed.PrivatePrice = sdk.Coin{}
	require.ErrorContains(t, acceptsPrivate(closed, capable), "no private price")
	closed.PrivatePrice = sdk.NewInt64Coin("uhyra", 0)
	require.ErrorContains(t, acceptsPrivate(closed, capable), "no private price")
}
