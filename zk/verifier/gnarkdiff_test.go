package verifier_test

import (
	"bytes"
	"errors"
	"fmt"
	"testing"

	"github.com/consensys/gnark-crypto/ecc/bn254/fr"
	groth16bn254 "github.com/consensys/gnark/backend/groth16/bn254"
	"github.com/stretchr/testify/require"

	"github.com/hyra-network/hyra/zk/commit"
	"github.com/hyra-network/hyra/zk/vector"
	"github.com/hyra-network/hyra/zk/verifier"
)

// Verdicts of the differential check: both verifiers agree, or this package refuses what gnark
// accepts in one of the two documented ways (zk/README.md, "Where the verifier is stricter than
// gnark").
const (
	bothAccept = "both accept"
	bothRefuse = "both refuse"
	// stricterEncoding: the bytes are not the canonical encoding of what gnark decoded (trailing
	// bytes, an uncompressed point, a non-empty commitment proof of knowledge), and the
	// canonical encoding of the same proof and key is accepted here too (or refused only as a
	// degenerate key).
	stricterEncoding = "stricter: non-canonical encoding"
	// stricterKey: the key is of degenerate structure (keycheck.go); the Groth16 equation alone,
	// which is all gnark checks, accepts the proof.
	stricterKey = "stricter: degenerate key"
)

// shared is one Verifier over every differential check, so that its caches (keys decoded once,
// proofs verified before) are exercised across inputs: it must answer as the one-shot Verify.
var shared = verifier.New()

// FuzzVerifyAgainstGnark checks this package's verifier (strict decoding and its own pairing
// check) against gnark's groth16.Verify (gnark's decoders, gnark's pairing check) on the iris
// and tiny circuits. statement, when not empty, is a random statement (chain id, task id,
// worker, input) that the circuit proves first; ops is a list of mutations (see mutate) applied
// to the proof, the key and the statement. The two must agree on every input, except where this
// package is stricter by design (diffVerdict says exactly how).
//
// Seed corpus: testdata/fuzz/FuzzVerifyAgainstGnark (written from diffSeeds by
// TestUpdateFuzzCorpus). Fuzz with
// go test -run '^$' -fuzz FuzzVerifyAgainstGnark -fuzztime 5m ./zk/verifier
func FuzzVerifyAgainstGnark(f *testing.F) {
	cs := loadDiffCircuits(f)
	f.Fuzz(func(t *testing.T, circuit uint8, statement, ops []byte) {
		diffVerdict(t, diffInput(t, cs, circuit, statement, ops))
	})
}

// diffInput builds the case a fuzz input stands for.
func diffInput(t *testing.T, cs []*diffCircuit, circuit uint8, statement, ops []byte) diffCase {
	t.Helper()
	circ := cs[int(circuit)%len(cs)]
	c := circ.sample
	if len(statement) > 0 {
		st, input := circ.statementFrom(&byteReader{b: statement})
		var err error
		c, err = circ.prove(st, input)
		require.NoError(t, err)
	}
	c.vk, c.proof = bytes.Clone(c.vk), bytes.Clone(c.proof)
	r := &byteReader{b: ops}
	for n := 0; n < 16 && !r.empty(); n++ {
		mutate(&c, r.next(), r, cs)
	}
	return c
}

// diffVerdict verifies c with this package (one-shot and through the shared Verifier, which
// must agree) and with gnark, fails the test on any disagreement that is not one of the
// documented ones, and returns the verdict.
func diffVerdict(t *testing.T, c diffCase) string {
	t.Helper()
	ours := verifier.Verify(c.vk, c.proof, c.st)
	if cached := shared.Verify(c.vk, c.proof, c.st); ours == nil {
		require.NoError(t, cached, "the Verifier refuses what the one-shot Verify accepts")
	} else {
		require.EqualError(t, cached, ours.Error(), "the Verifier and the one-shot Verify differ")
		require.True(t, wrapsSentinel(ours), "error without sentinel: %v", ours)
	}
	pub, ok := publicInputsOf(c.st)
	if !ok { // no public inputs, nothing gnark could check
		require.Error(t, ours, "an invalid statement verified")
		return bothRefuse
	}
	gp, gvk, gnarkErr := gnarkDecode(c.proof, c.vk)
	if gnarkErr == nil {
		gnarkErr = gnarkVerify(gp, gvk, pub)
	}
	switch {
	case ours == nil && gnarkErr == nil:
		return bothAccept
	case ours != nil && gnarkErr != nil:
		return bothRefuse
	case ours == nil:
		t.Fatalf("accepted here, refused by gnark (%v): proof %x, key %x, statement %+v", gnarkErr, c.proof, c.vk, c.st)
	}
	// gnark accepts and this package refuses: only a non-canonical encoding or a degenerate key.
	canonProof, canonVK := canonical(t, gp, gvk)
	if !bytes.Equal(canonProof, c.proof) || !bytes.Equal(canonVK, c.vk) {
		for _, wrong := range []error{verifier.ErrInvalidProof, verifier.ErrInvalidStatement} {
			require.NotErrorIs(t, ours, wrong, "a non-canonical encoding must be refused as such")
		}
		canon := verifier.Verify(canonVK, canonProof, c.st)
		if canon != nil {
			requireDegenerateKey(t, canon, canonVK, canonProof, c.st)
		}
		return stricterEncoding
	}
	requireDegenerateKey(t, ours, c.vk, c.proof, c.st)
	return stricterKey
}

// requireDegenerateKey: err refuses the key for its structure alone, and the Groth16 check
// without that structure check accepts the proof (what gnark did).
func requireDegenerateKey(t *testing.T, err error, vk, proof []byte, st verifier.Statement) {
	t.Helper()
	require.ErrorIs(t, err, verifier.ErrBadVerifyingKey, "gnark accepts, refused here: %v", err)
	require.NoError(t, verifier.VerifyUnchecked(vk, proof, st), "refused for more than the key's structure")
}

func publicInputsOf(st verifier.Statement) (fr.Vector, bool) {
	var in fr.Element
	if in.SetBytesCanonical(st.InputCommitment) != nil {
		return nil, false
	}
	out, err := vector.Decode(st.Output)
	if err != nil {
		return nil, false
	}
	pub, err := commit.PublicInputs(st.ChainID, st.TaskID, st.Worker, in, out)
	if err != nil {
		return nil, false
	}
	return fr.Vector(pub[:]), true
}

// gnarkDecode reads proof and key with gnark's decoders. Those size slices from the uint32
// counts they read, before reading the elements; an input whose counts promise more than its
// bytes hold is refused without calling them (gnark would fail at the end of the input, after
// an allocation of up to 256 GB).
func gnarkDecode(proof, vk []byte) (*groth16bn254.Proof, *groth16bn254.VerifyingKey, error) {
	if !countsFit(proof, proofLayout) || !countsFit(vk, keyLayout) {
		return nil, nil, errors.New("a count exceeds the input")
	}
	var gp groth16bn254.Proof
	var gvk groth16bn254.VerifyingKey
	err := catch(func() error {
		if _, err := gp.ReadFrom(bytes.NewReader(proof)); err != nil {
			return fmt.Errorf("proof: %w", err)
		}
		if _, err := gvk.ReadFrom(bytes.NewReader(vk)); err != nil {
			return fmt.Errorf("key: %w", err)
		}
		return nil
	})
	return &gp, &gvk, err
}

// gnarkVerify is groth16.Verify, a panic counting as a refusal.
func gnarkVerify(gp *groth16bn254.Proof, gvk *groth16bn254.VerifyingKey, pub fr.Vector) error {
	return catch(func() error { return groth16bn254.Verify(gp, gvk, pub) })
}

func catch(f func() error) (err error) {
	defer func() {
		if r := recover(); r != nil {
			err = fmt.Errorf("panic: %v", r)
		}
	}()
	return f()
}

// canonical is gnark's own (compressed) encoding of the proof and key it decoded, with the
// commitment proof of knowledge, which gnark does not check without commitments, at infinity.
func canonical(t *testing.T, gp *groth16bn254.Proof, gvk *groth16bn254.VerifyingKey) (proof, vk []byte) {
	t.Helper()
	p := *gp
	p.CommitmentPok.X.SetZero()
	p.CommitmentPok.Y.SetZero()
	var pb, kb bytes.Buffer
	_, err := p.WriteTo(&pb)
	require.NoError(t, err)
	_, err = gvk.WriteTo(&kb)
	require.NoError(t, err)
	return pb.Bytes(), kb.Bytes()
}
