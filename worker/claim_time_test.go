package worker

import (
	"bytes"
	"context"
	"log/slog"
	"testing"
	"time"

	"github.com/stretchr/testify/require"

	sdk "github.com/cosmos/cosmos-sdk/types"

	"github.com/hyra-network/hyra/client"
	tptypes "github.com/hyra-network/hyra/x/taskpool/types"
)

// TestCompletedLogsClaimOnlyWhenTimed: a result's log line says how long the
// claim took when this run of the worker timed it, and says nothing of the
// claim for a task it did not (it logged claim=0s).
func TestCompletedLogsClaimOnlyWhenTimed(t *testing.T) {
	res := &client.TxResult{Hash: "AB12", Height: 7, Broadcast: 20 * time.Millisecond, Commit: time.Second}
	line := func(claimTook time.Duration) string {
		var buf bytes.Buffer
		p := &proven{claimTook: claimTook, proveTook: 2 * time.Second}
		slog.New(slog.NewTextHandler(&buf, nil)).Info("completed", completedArgs(p, res, sdk.NewInt64Coin("uhyra", 5))...)
		return buf.String()
	}
	untimed := line(0)
	require.NotContains(t, untimed, "claim=")
	require.Contains(t, untimed, "paid=5uhyra tx=AB12 height=7 prove=2s submit=20ms commit=1s")
	require.Contains(t, line(1500*time.Millisecond), "height=7 claim=1.5s prove=2s")
}

// TestPrivateClaimTimeKeptForItsResult: how long a private task's claim took
// is kept while the task waits for its input and after the input came, for
// its result's log line; a task held when the worker started has none; and
// it is dropped once the worker no longer holds the task.
func TestPrivateClaimTimeKeptForItsResult(t *testing.T) {
	w := &Worker{
		log: slog.New(slog.DiscardHandler), metrics: newDaemonMetrics(), givenUp: map[uint64]string{}, rejections: map[uint64]int{},
		awaiting: map[uint64]time.Time{}, claimTimes: map[uint64]time.Duration{},
	}
	claimed := tptypes.Task{Id: 3, Private: true, ClaimExpiry: time.Unix(1_000, 0)}
	resumed := tptypes.Task{Id: 4, Private: true, ClaimExpiry: time.Unix(1_000, 0)}
	w.noteAwaiting(claimed, 250*time.Millisecond)
	w.trackAwaiting([]tptypes.Task{resumed}, []uint64{3, 4}) // task 3's input came
	require.Equal(t, map[uint64]time.Duration{3: 250 * time.Millisecond}, w.claimTimes)

	_, _, err := w.finishHeld(context.Background(), nil) // neither is held any more
	require.NoError(t, err)
	require.Empty(t, w.claimTimes)
}
