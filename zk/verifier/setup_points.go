package verifier

import (
	"bytes"
	"fmt"

	curve "github.com/consensys/gnark-crypto/ecc/bn254"
)

// setupPoint is one compressed point of a setup record and where to decode it.
type setupPoint struct {
	name string
	enc  []byte
	dst  any // *curve.G1Affine or *curve.G2Affine
}

// decodeSetupPoints decodes each point strictly: exact size, canonical encoding, subgroup
// membership (SetBytes checks it) and not at infinity (no honest setup has a zero secret).
// Errors wrap sentinel.
func decodeSetupPoints(sentinel error, pts []setupPoint) error {
	for _, p := range pts {
		var err error
		switch dst := p.dst.(type) {
		case *curve.G1Affine:
			err = decodeG1(dst, p.enc)
		case *curve.G2Affine:
			err = decodeG2(dst, p.enc)
		}
		if err != nil {
			return fmt.Errorf("%w: %s: %v", sentinel, p.name, err)
		}
	}
	return nil
}

func decodeG1(p *curve.G1Affine, b []byte) error {
	if len(b) != curve.SizeOfG1AffineCompressed {
		return fmt.Errorf("%d bytes, want %d", len(b), curve.SizeOfG1AffineCompressed)
	}
	if _, err := p.SetBytes(b); err != nil {
		return err
	}
	if enc := p.Bytes(); !bytes.Equal(enc[:], b) {
		return fmt.Errorf("non-canonical G1 encoding")
	}
	if p.IsInfinity() {
		return fmt.Errorf("point at infinity")
	}
	return nil
}

func decodeG2(p *curve.G2Affine, b []byte) error {
	if len(b) != curve.SizeOfG2AffineCompressed {
		return fmt.Errorf("%d bytes, want %d", len(b), curve.SizeOfG2AffineCompressed)
	}
	if _, err := p.SetBytes(b); err != nil {
		return err
	}
	if enc := p.Bytes(); !bytes.Equal(enc[:], b) {
		return fmt.Errorf("non-canonical G2 encoding")
	}
	if p.IsInfinity() {
		return fmt.Errorf("point at infinity")
	}
	return nil
}

func compressG1(p *curve.G1Affine) []byte { b := p.Bytes(); return b[:] }
func compressG2(p *curve.G2Affine) []byte { b := p.Bytes(); return b[:] }

// pokBase is gnark-crypto's mpcsetup.pokBase: R = HashToG2(uncompressed [x]₁ || challenge) with
// the one-byte domain separation tag of the delta update.
func pokBase(commitment *curve.G1Affine, challenge []byte) (curve.G2Affine, error) {
	msg := append(commitment.Marshal(), challenge...)
	return curve.HashToG2(msg, []byte{dstDelta})
}

// sameRatio reports whether n1/d1 = n2/d2 in the exponent: e(n1, d2) = e(d1, n2). It is
// gnark-crypto's mpcsetup.sameRatio, with a pairing error (only possible for mismatched input
// lengths, never here) reported as a mismatch instead of a panic.
func sameRatio(n1, d1 curve.G1Affine, n2, d2 curve.G2Affine) bool {
	var nd1 curve.G1Affine
	nd1.Neg(&d1)
	ok, err := curve.PairingCheck([]curve.G1Affine{n1, nd1}, []curve.G2Affine{d2, n2})
	return err == nil && ok
}
