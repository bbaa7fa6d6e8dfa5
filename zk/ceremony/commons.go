package ceremony

import (
	"fmt"
	"slices"

	"github.com/consensys/gnark/backend/groth16/bn254/mpcsetup"

	"github.com/hyra-network/hyra/zk/verifier"
)

// Phase1Hash is the phase1_hash the chain keeps in params: sha256 of the sealed commons file
// (at its full domain size; each phase 2 truncates it to its circuit's size).
func Phase1Hash(commons []byte) []byte { return fileHash(commons) }

// PhaseOneDomain returns the domain size of a sealed commons file, after checking its layout.
func PhaseOneDomain(commons []byte) (uint64, error) { return commonsDomain(commons) }

// Anchor returns the phase-1 points the chain keeps in params ([alpha]₁, [beta]₁, [beta]₂ of
// the sealed commons), checked as the chain checks them (verifier.CheckSetupAnchor). They do
// not depend on the domain size, so truncated commons have the same anchor, and only the
// smallest prefix of the file is decoded (the file's size is checked; its other points are
// decoded by whatever uses them).
func Anchor(commons []byte) (verifier.SetupAnchor, error) {
	c, err := readCommonsPrefix(commons, 2)
	if err != nil {
		return verifier.SetupAnchor{}, err
	}
	a := anchorOf(c)
	if err := verifier.CheckSetupAnchor(a); err != nil {
		return verifier.SetupAnchor{}, fmt.Errorf("%w: %v", ErrMalformed, err)
	}
	return a, nil
}

func anchorOf(c *mpcsetup.SrsCommons) verifier.SetupAnchor {
	a1, b1, b2 := c.G1.AlphaTau[0].Bytes(), c.G1.BetaTau[0].Bytes(), c.G2.Beta.Bytes()
	return verifier.SetupAnchor{Alpha1: a1[:], Beta1: b1[:], Beta2: b2[:]}
}

// TruncatePhase1 returns sealed commons of domain size n (a power of two, at most the file's)
// cut from larger ones: the first 2n-1 powers of tau in G1, n in G2, n of alpha·tau and beta·tau.
// These are exactly the commons a phase 1 of size n with the same secrets would have sealed, so
// one network-wide phase 1 serves every circuit up to its size.
func TruncatePhase1(commons []byte, n uint64) ([]byte, error) {
	c, err := readCommons(commons)
	if err != nil {
		return nil, err
	}
	t, err := truncate(c, n)
	if err != nil {
		return nil, err
	}
	return encode(t)
}

func truncate(c *mpcsetup.SrsCommons, n uint64) (*mpcsetup.SrsCommons, error) {
	if err := checkDomainSize(n); err != nil {
		return nil, err
	}
	if have := uint64(len(c.G1.AlphaTau)); n > have {
		return nil, fmt.Errorf("%w: the circuit needs a domain of %d, phase 1 has %d", ErrDomainSize, n, have)
	}
	var t mpcsetup.SrsCommons // copies: the result does not keep the larger commons alive
	t.G1.Tau = slices.Clone(c.G1.Tau[:2*n-1])
	t.G1.AlphaTau = slices.Clone(c.G1.AlphaTau[:n])
	t.G1.BetaTau = slices.Clone(c.G1.BetaTau[:n])
	t.G2.Tau = slices.Clone(c.G2.Tau[:n])
	t.G2.Beta = c.G2.Beta
	return &t, nil
}
