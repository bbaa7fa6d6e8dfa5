// Package eventattrtest checks an event built with package eventattr against
// the one sdk.TypedEventToEvent makes of the same message, for any values.
package eventattrtest

import (
	"math/big"

	sdkmath "cosmossdk.io/math"
	"github.com/cosmos/gogoproto/proto"
	"github.com/stretchr/testify/require"
	"pgregory.net/rapid"

	sdk "github.com/cosmos/cosmos-sdk/types"
)

// Built is a typed event that builds its sdk.Event directly.
type Built interface {
	proto.Message
	Event() sdk.Event
}

// RequireTyped checks that ev.Event() is the event sdk.TypedEventToEvent
// makes of ev: type, keys, their order and values.
func RequireTyped(t require.TestingT, ev Built) {
	want, err := sdk.TypedEventToEvent(ev)
	require.NoError(t, err)
	require.Equal(t, want, ev.Event())
}

// Coin draws coins as an event may carry them: any denom, amounts of any
// size and sign, and the zero value (a nil amount).
func Coin() *rapid.Generator[sdk.Coin] {
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
