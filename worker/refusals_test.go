package worker

import (
	"errors"
	"testing"
	"time"

	"github.com/stretchr/testify/require"
)

func TestRefusalsSpaceOutRefusedClaims(t *testing.T) {
	r := newRefusals()
	r.startRound()
	wait, reason := r.wait()
	require.Zero(t, wait, "a round with no refused claim waits for the next task")
	require.NoError(t, reason)

	insufficient := errors.New("insufficient bond")
	var waits []time.Duration
	for range 8 {
		r.startRound()
		r.refused(insufficient)
		wait, reason := r.wait()
		require.ErrorIs(t, reason, insufficient, "the wait says why")
		waits = append(waits, wait)
	}
	require.Equal(t, []time.Duration{
		time.Second, 2 * time.Second, 4 * time.Second, 8 * time.Second,
		16 * time.Second, 32 * time.Second, time.Minute, time.Minute,
	}, waits)

	r.claimed()
	r.startRound()
	r.refused(insufficient)
	wait, _ = r.wait()
	require.Equal(t, time.Second, wait, "a claim that went through resets the wait")
}
