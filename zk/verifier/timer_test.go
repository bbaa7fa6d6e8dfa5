package verifier_test

import (
	"testing"
	"time"

	"github.com/stretchr/testify/require"

	"github.com/hyra-network/hyra/zk/verifier"
)

// TestTimerSeesVerificationsNotHits: the timer is told of each verification (one proof alone,
// a batch's proofs together) and of nothing answered from the cache, and it changes no answer.
func TestTimerSeesVerificationsNotHits(t *testing.T) {
	type timing struct {
		elapsed time.Duration
		n       int
	}
	var got []timing
	v := verifier.New()
	v.SetTimer(func(elapsed time.Duration, n int) { got = append(got, timing{elapsed, n}) })

	vk, proof, st := freshIris(t, 1101)
	require.NoError(t, v.Verify(vk, proof, st))
	require.NoError(t, v.Verify(vk, proof, st)) // a cache hit
	require.Len(t, got, 1)
	require.Equal(t, 1, got[0].n)
	require.Positive(t, got[0].elapsed)

	items := []verifier.Item{irisItem(t, 1102), irisItem(t, 1103), {VK: vk, Proof: proof, St: st}}
	for _, err := range v.VerifyBatch(items) {
		require.NoError(t, err)
	}
	require.Len(t, got, 2, "one report for the batch's one key; the cached proof is not checked")
	require.Equal(t, 2, got[1].n)

	bad := items[0]
	bad.St.TaskID++
	require.Error(t, v.Verify(bad.VK, bad.Proof, bad.St))
	require.Len(t, got, 3, "a failed verification is timed too")
}
