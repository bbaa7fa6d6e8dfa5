package verifier

import (
	"bytes"
	"encoding/binary"
	"fmt"

	curve "github.com/consensys/gnark-crypto/ecc/bn254"

	"github.com/hyra-network/hyra/zk/commit"
)

// reader walks a fixed-layout buffer whose total size was checked by the caller; it never
// allocates from a length field.
type reader struct {
	b   []byte
	off int
}

func (r *reader) next(n int) []byte {
	s := r.b[r.off : r.off+n]
	r.off += n
	return s
}

func (r *reader) g1(p *curve.G1Affine) error {
	buf := r.next(curve.SizeOfG1AffineCompressed)
	if _, err := p.SetBytes(buf); err != nil {
		return err
	}
	if enc := p.Bytes(); !bytes.Equal(enc[:], buf) {
		return fmt.Errorf("non-canonical G1 encoding")
	}
	return nil
}

func (r *reader) g2(p *curve.G2Affine) error {
	buf := r.next(curve.SizeOfG2AffineCompressed)
	if _, err := p.SetBytes(buf); err != nil { // SetBytes checks G2 subgroup membership
		return err
	}
	if enc := p.Bytes(); !bytes.Equal(enc[:], buf) {
		return fmt.Errorf("non-canonical G2 encoding")
	}
	return nil
}

func (r *reader) uint32Is(want uint32, what string) error {
	if got := binary.BigEndian.Uint32(r.next(4)); got != want {
		return fmt.Errorf("%s = %d, want %d", what, got, want)
	}
	return nil
}

// decodeProof parses gnark's compressed Groth16 proof for a circuit without commitments. The
// unused CommitmentPok must be the point at infinity, so each proof has a single encoding.
func decodeProof(b []byte) (p *proof, err error) {
	defer func() {
		if r := recover(); r != nil {
			p, err = nil, fmt.Errorf("%w: %v", ErrMalformedProof, r)
		}
	}()
	r := &reader{b: b}
	p = new(proof)
	var pok curve.G1Affine
	steps := []func() error{
		func() error { return r.g1(&p.ar) },
		func() error { return r.g2(&p.bs) },
		func() error { return r.g1(&p.krs) },
		func() error { return r.uint32Is(0, "number of commitments") },
		func() error { return r.g1(&pok) },
	}
	for _, step := range steps {
		if err := step(); err != nil {
			return nil, fmt.Errorf("%w: %v", ErrMalformedProof, err)
		}
	}
	if !pok.IsInfinity() {
		return nil, fmt.Errorf("%w: commitment proof of knowledge must be empty", ErrMalformedProof)
	}
	return p, nil
}

// decodeVerifyingKey parses gnark's compressed Groth16 verifying key with exactly
// commit.NbPublic public inputs and no commitments, rejecting degenerate keys: a point at
// infinity for alpha, beta, gamma or delta, or a zero K point for a public input (that input
// would then be unconstrained and any value would verify).
func decodeVerifyingKey(b []byte) (vk *verifyingKey, err error) {
	defer func() {
		if r := recover(); r != nil {
			vk, err = nil, fmt.Errorf("%w: %v", ErrBadVerifyingKey, r)
		}
	}()
	r := &reader{b: b}
	var (
		alpha, beta1, delta1 curve.G1Affine
		beta, gamma, delta   curve.G2Affine
		k                    [commit.NbPublic + 1]curve.G1Affine
	)
	steps := []func() error{
		func() error { return r.g1(&alpha) },
		func() error { return r.g1(&beta1) },
		func() error { return r.g2(&beta) },
		func() error { return r.g2(&gamma) },
		func() error { return r.g1(&delta1) },
		func() error { return r.g2(&delta) },
		func() error { return r.uint32Is(commit.NbPublic+1, "number of K points") },
	}
	for i := range k {
		steps = append(steps, func() error { return r.g1(&k[i]) })
	}
	steps = append(steps,
		func() error { return r.uint32Is(0, "number of committed public inputs") },
		func() error { return r.uint32Is(0, "number of commitment keys") },
	)
	for _, step := range steps {
		if err := step(); err != nil {
			return nil, fmt.Errorf("%w: %v", ErrBadVerifyingKey, err)
		}
	}
	if alpha.IsInfinity() || beta.IsInfinity() || gamma.IsInfinity() || delta.IsInfinity() {
		return nil, fmt.Errorf("%w: degenerate point", ErrBadVerifyingKey)
	}
	for i := 1; i < len(k); i++ {
		if k[i].IsInfinity() {
			return nil, fmt.Errorf("%w: public input %d is unconstrained (zero K point)", ErrBadVerifyingKey, i-1)
		}
	}
	return newVerifyingKey(alpha, beta, gamma, delta, k)
}
