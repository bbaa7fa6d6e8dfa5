package verifier_test

import (
	"bytes"
	"io"
	"sync"
	"testing"

	"github.com/stretchr/testify/require"

	"github.com/hyra-network/hyra/zk/internal/testmodel"
	"github.com/hyra-network/hyra/zk/setup"
	"github.com/hyra-network/hyra/zk/vector"
	"github.com/hyra-network/hyra/zk/verifier"
	"github.com/hyra-network/hyra/zk/zktest"
)

// freshIris proves an iris statement for taskID (and a worker made from it).
func freshIris(t *testing.T, taskID uint64) (vk, proof []byte, st verifier.Statement) {
	t.Helper()
	_, vk, prove := zktest.Iris(t)
	in := zktest.IrisInputs(t)[int(taskID)%len(zktest.IrisInputs(t))]
	worker := bytes.Repeat([]byte{byte(taskID)}, 20)
	out, proof := prove("hyra-cache-1", taskID, worker, in)
	return vk, proof, verifier.Statement{ChainID: "hyra-cache-1", TaskID: taskID, Worker: worker, InputCommitment: zktest.InputCommitment(t, in), Output: out}
}

// TestVerifiedCacheHit: the second verification of the same bytes is answered from the cache,
// with the same (nil) result.
func TestVerifiedCacheHit(t *testing.T) {
	vk, proof, st := freshIris(t, 1001)
	v := verifier.New()
	require.NoError(t, v.Verify(vk, proof, st))
	hits, misses, size := v.CacheStats()
	require.Equal(t, [3]uint64{0, 1, 1}, [3]uint64{hits, misses, uint64(size)}, "first verification is a miss")
	require.True(t, v.Cached(vk, proof, st))
	require.NoError(t, v.Verify(vk, proof, st))
	hits, misses, size = v.CacheStats()
	require.Equal(t, [3]uint64{1, 1, 1}, [3]uint64{hits, misses, uint64(size)}, "second verification is a hit")
}

// TestVerifiersAreIndependent: what one Verifier verified is not in another's cache (each node
// of a test process has its own, and a new one starts cold), and both give the same answers.
func TestVerifiersAreIndependent(t *testing.T) {
	vk, proof, st := freshIris(t, 1006)
	warm, cold := verifier.New(), verifier.New()
	require.NoError(t, warm.Verify(vk, proof, st))
	require.True(t, warm.Cached(vk, proof, st))
	require.False(t, cold.Cached(vk, proof, st))
	require.NoError(t, cold.Verify(vk, proof, st))
	hits, misses, _ := cold.CacheStats()
	require.Equal(t, [2]uint64{0, 1}, [2]uint64{hits, misses})
}

// TestCachedEntryNeverPassesAnotherStatement: with a valid proof cached, every change to the
// statement, the proof or the key still fails exactly as it does without the cache.
func TestCachedEntryNeverPassesAnotherStatement(t *testing.T) {
	vk, proof, st := freshIris(t, 1002)
	v := verifier.New()
	require.NoError(t, v.Verify(vk, proof, st))
	out, err := vector.Decode(st.Output)
	require.NoError(t, err)
	bump := func(v []int64) []byte { c := append([]int64(nil), v...); c[0]++; return vector.Encode(c) }
	_, otherProof, _ := freshIris(t, 1003)
	keys, err := setup.Generate(testmodel.Artifact(), io.Discard)
	require.NoError(t, err)
	flipped := append([]byte(nil), proof...)
	flipped[40] ^= 1
	cases := map[string]struct {
		vk, proof []byte
		tamper    func(s *verifier.Statement)
	}{
		"error - task id":       {vk, proof, func(s *verifier.Statement) { s.TaskID++ }},
		"error - worker":        {vk, proof, func(s *verifier.Statement) { s.Worker = bytes.Repeat([]byte{9}, 20) }},
		"error - chain id":      {vk, proof, func(s *verifier.Statement) { s.ChainID = "hyra-cache-2" }},
		"error - input":         {vk, proof, func(s *verifier.Statement) { s.InputCommitment = zktest.InputCommitment(t, []int64{0, 0, 0, 0}) }},
		"error - output":        {vk, proof, func(s *verifier.Statement) { s.Output = bump(out) }},
		"error - another proof": {vk, otherProof, func(*verifier.Statement) {}},
		"error - flipped proof": {vk, flipped, func(*verifier.Statement) {}},
		"error - another key":   {keys.VerifyingKey, proof, func(*verifier.Statement) {}},
	}
	for name, tc := range cases {
		t.Run(name, func(t *testing.T) {
			s := st
			tc.tamper(&s)
			want := verifier.Verify(tc.vk, tc.proof, s)
			require.Error(t, want)
			got := v.Verify(tc.vk, tc.proof, s)
			require.Error(t, got)
			require.Equal(t, want.Error(), got.Error(), "the cache must not change the answer")
		})
	}
	require.NoError(t, v.Verify(vk, proof, st), "the original still verifies")
}

// TestInvalidProofNotCached: a failed verification is never remembered, so it fails again in
// full (a miss, not a hit).
func TestInvalidProofNotCached(t *testing.T) {
	vk, proof, st := freshIris(t, 1004)
	st.TaskID++
	v := verifier.New()
	for range 2 {
		require.ErrorIs(t, v.Verify(vk, proof, st), verifier.ErrInvalidProof)
		hits, _, size := v.CacheStats()
		require.Zero(t, hits)
		require.Zero(t, size)
	}
}

// TestVerifyUncachedLeavesCacheAlone: VerifyUncached neither fills nor reads the cache.
func TestVerifyUncachedLeavesCacheAlone(t *testing.T) {
	vk, proof, st := freshIris(t, 1005)
	v := verifier.New()
	require.NoError(t, v.VerifyUncached(vk, proof, st))
	hits0, misses0, _ := v.CacheStats()
	require.NoError(t, v.Verify(vk, proof, st))
	hits1, misses1, _ := v.CacheStats()
	require.Equal(t, hits0, hits1, "VerifyUncached must not have filled the cache")
	require.Equal(t, misses0+1, misses1)
	require.NoError(t, v.VerifyUncached(vk, proof, st))
	hits2, misses2, _ := v.CacheStats()
	require.Equal(t, hits1, hits2)
	require.Equal(t, misses1, misses2, "VerifyUncached must not consult the cache")
}

// TestVerifyConcurrent runs cached and uncached verifications of several proofs at once (for
// -race): every answer is right.
func TestVerifyConcurrent(t *testing.T) {
	type item struct {
		vk, proof []byte
		st        verifier.Statement
	}
	var items []item
	for id := uint64(1010); id < 1014; id++ {
		vk, proof, st := freshIris(t, id)
		items = append(items, item{vk, proof, st})
	}
	v := verifier.New()
	var wg sync.WaitGroup
	for g := range 8 {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := range 20 {
				it := items[(g+i)%len(items)]
				bad := it.st
				bad.TaskID += 100
				if g%2 == 0 {
					require.NoError(t, v.Verify(it.vk, it.proof, it.st))
					require.Error(t, v.Verify(it.vk, it.proof, bad))
				} else {
					require.NoError(t, v.VerifyUncached(it.vk, it.proof, it.st))
				}
			}
		}()
	}
	wg.Wait()
}

// BenchmarkVerifyCached is a verification answered from the verified-proof cache: the handler's
// cost for a proof that was verified ahead of execution.
func BenchmarkVerifyCached(b *testing.B) {
	vk, proof, st := loadFixture(b)
	v := verifier.New()
	if err := v.Verify(vk, proof, st); err != nil {
		b.Fatal(err)
	}
	b.ReportAllocs()
	for b.Loop() {
		if err := v.Verify(vk, proof, st); err != nil {
			b.Fatal(err)
		}
	}
}
