package keeper_test

import (
	"crypto/sha256"
	"testing"

	"github.com/stretchr/testify/require"

	sdk "github.com/cosmos/cosmos-sdk/types"
)

func sha(b []byte) []byte {
	h := sha256.Sum256(b)
	return h[:]
}

// requireEvent checks that the context's event manager holds an event of the given type.
func requireEvent(t *testing.T, ctx sdk.Context, eventType string) {
	t.Helper()
	for _, e := range ctx.EventManager().Events() {
		if e.Type == eventType {
			return
		}
	}
	require.Failf(t, "event not emitted", "no %s among %d events", eventType, len(ctx.EventManager().Events()))
}
