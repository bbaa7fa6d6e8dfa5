package verifier_test

import (
	"bytes"
	"errors"
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

func TestFixtureVerifies(t *testing.T) {
	vk, proof, st := loadFixture(t)
	require.NoError(t, verifier.CheckVerifyingKey(vk))
	require.NoError(t, verifier.Verify(vk, proof, st))
	v := verifier.New()
	require.NoError(t, v.Verify(vk, proof, st))
	require.NoError(t, v.VerifyUncached(vk, proof, st), "cached key must verify too")
	require.NoError(t, v.Verify(vk, proof, st), "cached proof")
}

// verifyAll verifies with the one-shot Verify, and with a new Verifier cold, warm and
// uncached, and requires the same answer from each: the caches never change an answer.
func verifyAll(t *testing.T, vk, proof []byte, st verifier.Statement) error {
	t.Helper()
	want := verifier.Verify(vk, proof, st)
	v := verifier.New()
	for i, got := range []error{v.Verify(vk, proof, st), v.Verify(vk, proof, st), v.VerifyUncached(vk, proof, st)} {
		if want == nil {
			require.NoError(t, got, "call %d", i)
		} else {
			require.EqualError(t, got, want.Error(), "call %d", i)
		}
	}
	return want
}

// TestTampering changes one thing at a time. The binding (chain id, task id, worker), the input
// commitment and the output commitment are the three public inputs: each case failing shows the
// corresponding public input is really constrained.
func TestTampering(t *testing.T) {
	vk, proof, st := loadFixture(t)
	out, err := vector.Decode(st.Output)
	require.NoError(t, err)
	bumped := func(v []int64) []byte {
		c := append([]int64(nil), v...)
		c[0]++
		return vector.Encode(c)
	}
	cases := map[string]func(s *verifier.Statement){
		"error - task id":  func(s *verifier.Statement) { s.TaskID++ },
		"error - worker":   func(s *verifier.Statement) { s.Worker = append([]byte{}, s.Worker...); s.Worker[19] ^= 1 },
		"error - chain id": func(s *verifier.Statement) { s.ChainID = "hyra-test-2" },
		"error - input":    func(s *verifier.Statement) { s.InputCommitment = zktest.InputCommitment(t, []int64{0, 0, 0, 0}) },
		"error - output":   func(s *verifier.Statement) { s.Output = bumped(out) },
	}
	for name, tamper := range cases {
		t.Run(name, func(t *testing.T) {
			s := st
			tamper(&s)
			require.ErrorIs(t, verifyAll(t, vk, proof, s), verifier.ErrInvalidProof)
		})
	}
}

func TestOtherModelKey(t *testing.T) {
	_, proof, st := loadFixture(t)
	keys, err := setup.Generate(testmodel.Artifact(), io.Discard)
	require.NoError(t, err)
	require.ErrorIs(t, verifyAll(t, keys.VerifyingKey, proof, st), verifier.ErrInvalidProof)
}

func TestSizeAndDecodeErrors(t *testing.T) {
	vk, proof, st := loadFixture(t)
	cases := []struct {
		name      string
		vk, proof []byte
		want      error
	}{
		{"error - empty proof", vk, nil, verifier.ErrProofSize},
		{"error - truncated proof", vk, proof[:len(proof)-1], verifier.ErrProofSize},
		{"error - oversized proof", vk, append(bytes.Clone(proof), 0), verifier.ErrProofSize},
		{"error - huge proof", vk, make([]byte, 1<<20), verifier.ErrProofSize},
		{"error - zero proof", vk, make([]byte, verifier.ProofSize), verifier.ErrMalformedProof},
		{"error - garbage proof", vk, bytes.Repeat([]byte{0xa5}, verifier.ProofSize), verifier.ErrMalformedProof},
		{"error - commitment count", vk, withByte(proof, 131, 1), verifier.ErrMalformedProof},
		{"error - non-empty pok", vk, withByte(proof, 132, 0x80), verifier.ErrMalformedProof},
		{"error - empty vk", nil, proof, verifier.ErrVerifyingKeySize},
		{"error - truncated vk", vk[:100], proof, verifier.ErrVerifyingKeySize},
		{"error - garbage vk", bytes.Repeat([]byte{0x5a}, verifier.VerifyingKeySize), proof, verifier.ErrBadVerifyingKey},
		{"error - huge K count", withByte(vk, 288, 0xff), proof, verifier.ErrBadVerifyingKey},
		{"error - zero K point", withInfinity(vk, 292+2*32), proof, verifier.ErrBadVerifyingKey},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			require.ErrorIs(t, verifyAll(t, c.vk, c.proof, st), c.want)
		})
	}
	require.ErrorIs(t, verifier.CheckVerifyingKey(withInfinity(vk, 292+32)), verifier.ErrBadVerifyingKey)
}

func TestInvalidStatement(t *testing.T) {
	vk, proof, st := loadFixture(t)
	cases := map[string]func(s *verifier.Statement){
		"error - short input commitment":             func(s *verifier.Statement) { s.InputCommitment = s.InputCommitment[:31] },
		"error - input commitment above the modulus": func(s *verifier.Statement) { s.InputCommitment = bytes.Repeat([]byte{0xff}, 32) },
		"error - empty output":                       func(s *verifier.Statement) { s.Output = nil },
		"error - no worker":                          func(s *verifier.Statement) { s.Worker = nil },
		"error - empty chain id":                     func(s *verifier.Statement) { s.ChainID = "" },
		"error - output too wide":                    func(s *verifier.Statement) { s.Output = vector.Encode([]int64{1 << 40, 0, 0}) },
		"error - sealed output of a partial element": func(s *verifier.Statement) { s.Sealed = true },
		"error - empty sealed output":                func(s *verifier.Statement) { s.Sealed, s.Output = true, nil },
		"error - sealed element above the modulus": func(s *verifier.Statement) {
			s.Sealed, s.Output = true, append(make([]byte, 32), bytes.Repeat([]byte{0xff}, 32)...)
		},
	}
	for name, tamper := range cases {
		t.Run(name, func(t *testing.T) {
			s := st
			tamper(&s)
			require.ErrorIs(t, verifyAll(t, vk, proof, s), verifier.ErrInvalidStatement)
		})
	}
}

func TestConcurrentVerify(t *testing.T) {
	vk, proof, st := loadFixture(t)
	bad := st
	bad.TaskID++
	v := verifier.New()
	var wg sync.WaitGroup
	errs := make(chan error, 16)
	for i := 0; i < 8; i++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for j := 0; j < 5; j++ {
				if err := v.Verify(vk, proof, st); err != nil {
					errs <- err
				}
				if err := v.Verify(vk, proof, bad); !errors.Is(err, verifier.ErrInvalidProof) {
					errs <- errors.New("tampered statement verified")
				}
			}
		}()
	}
	wg.Wait()
	close(errs)
	for err := range errs {
		t.Fatal(err)
	}
}

func withByte(b []byte, i int, v byte) []byte {
	c := bytes.Clone(b)
	c[i] = v
	return c
}

// withInfinity overwrites the compressed G1 point at offset off with the point at infinity.
func withInfinity(b []byte, off int) []byte {
	c := bytes.Clone(b)
	copy(c[off:off+32], make([]byte, 32))
	c[off] = 0x40
	return c
}
