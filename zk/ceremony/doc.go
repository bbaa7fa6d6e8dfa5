// Package ceremony is the off-chain side of a model version's multi-party Groth16 setup, built
// on gnark's groth16/bn254/mpcsetup: the network-wide phase 1 (powers of tau) and, per model
// version, a phase 2 whose contributions the chain records and whose final verifying key the
// chain builds itself (zk/verifier.SetupVerifyingKey). Every file is gnark's own serialization,
// so gnark's tools read them too; every function takes and returns bytes, so the CLI, the worker
// daemon and tests call the same code. See zk/README.md "Setup ceremony" for the design and the
// trust model.
//
// Files:
//   - phase-1 contribution: gnark's Phase1.WriteTo (compressed points);
//   - sealed phase 1 ("commons"): gnark's SrsCommons.WriteTo, the powers of tau after the beacon;
//     Phase1Hash of these bytes is the phase1_hash the chain keeps in params;
//   - phase-2 state: gnark's Phase2.WriteTo; its sha256 is the state hash the chain records and
//     the next contribution's challenge;
//   - Lagrange cache (per machine, not exchanged): a sealed phase 1 at one domain size converted
//     to the Lagrange basis, the costly part of every phase-2 start, in $HYRA_CEREMONY_CACHE or
//     <user cache dir>/hyra/lagrange; recomputed whenever missing, foreign or corrupt.
//
// Untrusted files are checked against their exact layout (sizes derived from the declared
// domain size or the recomputed initial state) before gnark decodes them, so a hostile file
// cannot make a verifier allocate from a forged length field.
package ceremony

import (
	"errors"
	"fmt"
)

// Sentinel errors; every error of this package wraps one of them.
var (
	ErrMalformed       = errors.New("malformed setup file")
	ErrDomainSize      = errors.New("bad domain size")
	ErrCommitments     = errors.New("circuit has BSB22 commitments, which this setup does not support")
	ErrInitialMismatch = errors.New("initial state does not match the artifact and phase 1")
	ErrOutOfOrder      = errors.New("contribution does not follow the previous state (skipped, reordered or from another setup)")
	ErrBadContribution = errors.New("contribution does not verify")
	ErrRecordMismatch  = errors.New("contribution does not match its on-chain record")
	ErrKeyMismatch     = errors.New("verifying key does not match the artifact's setup")
	ErrNoContributions = errors.New("a setup needs at least one contribution")
	ErrBeacon          = errors.New("bad beacon")
	ErrTranscript      = errors.New("bad transcript directory")
)

// ContributionError reports which contribution of a transcript is bad. Index is the
// contribution's number in the transcript: 1 for the first contribution (file 001-...), 0 for
// the initial state.
type ContributionError struct {
	Index int
	Err   error
}

func (e *ContributionError) Error() string {
	if e.Index == 0 {
		return fmt.Sprintf("initial state: %v", e.Err)
	}
	return fmt.Sprintf("contribution %d: %v", e.Index, e.Err)
}

func (e *ContributionError) Unwrap() error { return e.Err }

func contributionErr(i int, sentinel error, format string, args ...any) error {
	return &ContributionError{Index: i, Err: fmt.Errorf("%w: "+format, append([]any{sentinel}, args...)...)}
}
