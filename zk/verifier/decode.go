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

// keyPoints are the points of a verifying key that verification uses.
type keyPoints struct {
	alpha              curve.G1Affine
	beta, gamma, delta curve.G2Affine
	k                  [commit.NbPublic + 1]curve.G1Affine
}

// decodeVerifyingKey parses gnark's compressed Groth16 verifying key with exactly
// commit.NbPublic public inputs and no commitments, and rejects keys of degenerate structure
// (see checkStructure).
func decodeVerifyingKey(b []byte) (*verifyingKey, error) {
	pts, err := parseVerifyingKey(b)
	if err != nil {
		return nil, err
	}
	if err := pts.checkStructure(); err != nil {
		return nil, err
	}
	return newVerifyingKey(pts)
}

// parseVerifyingKey decodes the points of a key (canonical encodings, subgroup checks, exact
// counts) without judging how they relate to each other.
func parseVerifyingKey(b []byte) (pts keyPoints, err error) {
	defer func() {
		if r := recover(); r != nil {
			err = fmt.Errorf("%w: %v", ErrBadVerifyingKey, r)
		}
	}()
	r := &reader{b: b}
	var beta1, delta1 curve.G1Affine // prover-side points, unused by verification
	steps := []func() error{
		func() error { return r.g1(&pts.alpha) },
		func() error { return r.g1(&beta1) },
		func() error { return r.g2(&pts.beta) },
		func() error { return r.g2(&pts.gamma) },
		func() error { return r.g1(&delta1) },
		func() error { return r.g2(&pts.delta) },
		func() error { return r.uint32Is(commit.NbPublic+1, "number of K points") },
	}
	for i := range pts.k {
		steps = append(steps, func() error { return r.g1(&pts.k[i]) })
	}
	steps = append(steps,
		func() error { return r.uint32Is(0, "number of committed public inputs") },
		func() error { return r.uint32Is(0, "number of commitment keys") },
	)
	for _, step := range steps {
		if err := step(); err != nil {
			return pts, fmt.Errorf("%w: %v", ErrBadVerifyingKey, err)
		}
	}
	return pts, nil
}
