package ceremony

import (
	"bytes"
	"fmt"

	"github.com/consensys/gnark/backend/groth16/bn254/mpcsetup"
)

// Phase 1 (powers of tau) is network-wide: contributors take turns on one file chain, starting
// from NewPhase1; a beacon then seals the last file into the commons every phase 2 starts from.

// NewPhase1 returns the starting phase-1 file for domain size n (a power of two): every secret
// is 1. It is deterministic, so anyone recreates it to verify the first contribution.
func NewPhase1(n uint64) ([]byte, error) {
	if err := checkDomainSize(n); err != nil {
		return nil, err
	}
	return encode(mpcsetup.NewPhase1(n))
}

// ContributePhase1 draws fresh secrets (tau, alpha, beta) from crypto/rand, applies them to the
// phase-1 file prev and returns the next file. The secrets are dropped when it returns: that is
// the contributor's whole duty. Verify the chain up to prev first (VerifyPhase1): a contribution
// on a bad file is wasted.
func ContributePhase1(prev []byte) ([]byte, error) {
	p, err := readPhase1(prev)
	if err != nil {
		return nil, err
	}
	p.Contribute()
	return encode(p)
}

// VerifyPhase1 checks a chain of phase-1 contribution files (the first made on NewPhase1 of
// their domain size): each one's challenge is the previous file's hash, its proofs of knowledge
// verify and its powers are consistent (gnark's Phase1.Verify). It returns the domain size, or a
// *ContributionError naming the first bad file (1-based).
func VerifyPhase1(files [][]byte) (uint64, error) {
	_, n, err := verifyPhase1(files)
	return n, err
}

func verifyPhase1(files [][]byte) (*mpcsetup.Phase1, uint64, error) {
	if len(files) == 0 {
		return nil, 0, ErrNoContributions
	}
	n, err := phase1Domain(files[0])
	if err != nil {
		return nil, 0, &ContributionError{Index: 1, Err: err}
	}
	prev := mpcsetup.NewPhase1(n)
	for i, f := range files {
		next, err := readPhase1(f)
		if err != nil {
			return nil, 0, &ContributionError{Index: i + 1, Err: err}
		}
		prevHash := hashOf(prev)
		if !bytes.Equal(next.Challenge, prevHash) {
			return nil, 0, contributionErr(i+1, ErrOutOfOrder, "its challenge is not the hash of file %d", i)
		}
		if err := prev.Verify(next); err != nil {
			return nil, 0, contributionErr(i+1, ErrBadContribution, "%v", err)
		}
		prev = next
	}
	return prev, n, nil
}

// SealPhase1 verifies the chain (VerifyPhase1) and seals its last file with the beacon (public
// randomness fixed only after the last contribution, e.g. a later block hash): the result is the
// sealed commons, gnark's SrsCommons.WriteTo. Anyone re-running it gets the same bytes.
func SealPhase1(files [][]byte, beacon []byte) ([]byte, error) {
	if len(beacon) == 0 {
		return nil, fmt.Errorf("%w: empty", ErrBeacon)
	}
	last, _, err := verifyPhase1(files)
	if err != nil {
		return nil, err
	}
	commons := last.Seal(beacon)
	return encode(&commons)
}

func readPhase1(b []byte) (*mpcsetup.Phase1, error) {
	if _, err := phase1Domain(b); err != nil {
		return nil, err
	}
	p := new(mpcsetup.Phase1)
	if err := decode(p, b); err != nil {
		return nil, err
	}
	return p, nil
}
