package types_test

import (
	"math/big"
	"testing"

	sdkmath "cosmossdk.io/math"
	"github.com/stretchr/testify/require"
	"pgregory.net/rapid"

	sdk "github.com/cosmos/cosmos-sdk/types"

	"github.com/hyra-network/hyra/x/rewards/types"
)

// TestEventTaskSettledEvent checks that the event built directly is the one
// sdk.TypedEventToEvent makes (type, keys, order, values), for any field
// values.
func TestEventTaskSettledEvent(t *testing.T) {
	rapid.Check(t, func(t *rapid.T) {
		ev := types.EventTaskSettled{
			TaskId:             rapid.Uint64().Draw(t, "task"),
			Worker:             rapid.String().Draw(t, "worker"),
			ModelOwner:         rapid.String().Draw(t, "owner"),
			Escrow:             coinGen().Draw(t, "escrow"),
			WorkerShare:        coinGen().Draw(t, "worker_share"),
			ModelOwnerShare:    coinGen().Draw(t, "owner_share"),
			CommunityPoolShare: coinGen().Draw(t, "community_share"),
			RewardPoolShare:    coinGen().Draw(t, "pool_share"),
			Epoch:              rapid.Uint64().Draw(t, "epoch"),
			Reputation:         rapid.Int64().Draw(t, "reputation"),
		}
		want, err := sdk.TypedEventToEvent(&ev)
		require.NoError(t, err)
		require.Equal(t, want, ev.Event())
	})
}

// coinGen draws coins as an event may carry them: any denom, amounts of
// any size and sign, and the zero value (a nil amount).
func coinGen() *rapid.Generator[sdk.Coin] {
	return rapid.Custom(func(t *rapid.T) sdk.Coin {
		if rapid.IntRange(0, 9).Draw(t, "nil") == 0 {
			return sdk.Coin{}
		}
		n := new(big.Int).SetBytes(rapid.SliceOfN(rapid.Byte(), 0, 24).Draw(t, "amount"))
		if rapid.Bool().Draw(t, "negative") {
			n.Neg(n)
		}
		return sdk.Coin{Denom: rapid.String().Draw(t, "denom"), Amount: sdkmath.NewIntFromBigInt(n)}
	})
}
