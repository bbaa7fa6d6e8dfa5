package verifier_test

import (
	"bytes"
	"errors"
	"fmt"
	"testing"

	"github.com/stretchr/testify/require"

	"github.com/hyra-network/hyra/zk/vector"
	"github.com/hyra-network/hyra/zk/verifier"
	"github.com/hyra-network/hyra/zk/zktest"
)

// freshDigits is freshIris for the digits model (another verifying key).
func freshDigits(t testing.TB, taskID uint64) verifier.Item {
	t.Helper()
	_, vk, prove := zktest.Digits(t)
	inputs := zktest.DigitsInputs(t)
	in := inputs[int(taskID)%len(inputs)]
	worker := bytes.Repeat([]byte{byte(taskID)}, 20)
	out, proof := prove("hyra-batch-1", taskID, worker, in)
	return verifier.Item{VK: vk, Proof: proof, St: verifier.Statement{ChainID: "hyra-batch-1", TaskID: taskID, Worker: worker, InputCommitment: zktest.InputCommitment(t, in), Output: out}}
}

func irisItem(t *testing.T, taskID uint64) verifier.Item {
	t.Helper()
	vk, proof, st := freshIris(t, taskID)
	return verifier.Item{VK: vk, Proof: proof, St: st}
}

// requireSameAnswers checks that each answer v's batch gave is the one a single verification
// gives, and that v cached exactly the proofs that verified.
func requireSameAnswers(t *testing.T, v *verifier.Verifier, items []verifier.Item, got []error) {
	t.Helper()
	require.Len(t, got, len(items))
	for i, it := range items {
		want := verifier.Verify(it.VK, it.Proof, it.St)
		if want == nil {
			require.NoError(t, got[i], "item %d", i)
			require.True(t, v.Cached(it.VK, it.Proof, it.St), "item %d verified but not cached", i)
			continue
		}
		require.Error(t, got[i], "item %d: %v", i, want)
		require.Equal(t, want.Error(), got[i].Error(), "item %d", i)
		require.False(t, v.Cached(it.VK, it.Proof, it.St), "item %d failed but cached", i)
	}
}

// TestVerifyBatchValid: a batch of valid proofs under two keys, interleaved, all verify and are
// cached.
func TestVerifyBatchValid(t *testing.T) {
	var items []verifier.Item
	for i := range 6 {
		items = append(items, irisItem(t, 2000+uint64(i)), freshDigits(t, 2100+uint64(i)))
	}
	v := verifier.New()
	errs := v.VerifyBatch(items)
	for i, err := range errs {
		require.NoError(t, err, "item %d", i)
	}
	requireSameAnswers(t, v, items, errs)
}

// TestVerifyBatchFindsEachInvalidProof: invalid proofs hidden at various places in a batch are
// each found, with the error a single verification gives, and no valid proof is refused.
func TestVerifyBatchFindsEachInvalidProof(t *testing.T) {
	for _, bad := range [][]int{{0}, {15}, {3, 4}, {1, 7, 8, 14}, {0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15}} {
		t.Run(fmt.Sprint(bad), func(t *testing.T) {
			items := make([]verifier.Item, 16)
			for i := range items {
				items[i] = freshDigits(t, 3000+uint64(100*bad[0]+10*len(bad)+i))
			}
			for k, i := range bad {
				switch k % 4 {
				case 0: // another worker: the binding input differs
					items[i].St.Worker = bytes.Repeat([]byte{0xee}, 20)
				case 1: // a tampered output
					out, err := vector.Decode(items[i].St.Output)
					require.NoError(t, err)
					out[0]++
					items[i].St.Output = vector.Encode(out)
				case 2: // another task's proof
					items[i].Proof = items[(i+1)%len(items)].Proof
				case 3: // a truncated proof
					items[i].Proof = items[i].Proof[:len(items[i].Proof)-1]
				}
			}
			v := verifier.New()
			errs := v.VerifyBatch(items)
			for _, i := range bad {
				require.Error(t, errs[i], "item %d", i)
			}
			requireSameAnswers(t, v, items, errs)
		})
	}
}

// TestVerifyBatchCachedAndEmpty: an empty batch is fine; cached proofs are answered without
// work, and a batch of one is a single verification.
func TestVerifyBatchCachedAndEmpty(t *testing.T) {
	v := verifier.New()
	require.Empty(t, v.VerifyBatch(nil))
	it := irisItem(t, 4000)
	require.NoError(t, v.Verify(it.VK, it.Proof, it.St))
	require.Equal(t, []error{nil}, v.VerifyBatch([]verifier.Item{it}))
	bad := irisItem(t, 4001)
	bad.St.TaskID++
	errs := v.VerifyBatch([]verifier.Item{bad})
	require.True(t, errors.Is(errs[0], verifier.ErrInvalidProof), "%v", errs[0])
}

// BenchmarkVerifyBatch is the cost per proof of batches of digits proofs against
// BenchmarkVerify's single verification: every batch runs on a new Verifier (no proof cached)
// whose key cache is warm, built while the timer is stopped.
func BenchmarkVerifyBatch(b *testing.B) {
	items := make([]verifier.Item, 64)
	for i := range items {
		items[i] = freshDigits(b, 5000+uint64(i))
	}
	for _, n := range []int{1, 4, 16, 64} {
		b.Run(fmt.Sprintf("n=%d", n), func(b *testing.B) {
			for range b.N {
				b.StopTimer()
				v := verifier.New()
				if err := v.VerifyUncached(items[0].VK, items[0].Proof, items[0].St); err != nil {
					b.Fatal(err)
				}
				b.StartTimer()
				for i, err := range v.VerifyBatch(items[:n]) {
					if err != nil {
						b.Fatalf("item %d: %v", i, err)
					}
				}
			}
			b.ReportMetric(float64(b.Elapsed().Microseconds())/float64(b.N*n), "µs/proof")
		})
	}
}

// TestBatchCheckItself: the combined pairing check alone (no splitting, no single checks)
// accepts valid proofs and refuses a batch with one invalid proof, whatever its place.
func TestBatchCheckItself(t *testing.T) {
	items := make([]verifier.Item, 8)
	for i := range items {
		items[i] = freshDigits(t, 6000+uint64(i))
	}
	require.True(t, verifier.BatchPasses(items))
	require.True(t, verifier.BatchPasses(items[:2]))
	for i := range items {
		bad := append([]verifier.Item(nil), items...)
		bad[i].St.TaskID += 1000
		require.False(t, verifier.BatchPasses(bad), "invalid item %d passed", i)
	}
	swapped := append([]verifier.Item(nil), items...)
	swapped[2].Proof, swapped[5].Proof = items[5].Proof, items[2].Proof
	require.False(t, verifier.BatchPasses(swapped), "two proofs swapped between statements passed")
}
