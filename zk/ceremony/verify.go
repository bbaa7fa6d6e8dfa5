package ceremony

import (
	"bytes"
	"fmt"

	"github.com/consensys/gnark/backend/groth16/bn254/mpcsetup"

	"github.com/hyra-network/hyra/zk/verifier"
)

// VerifyInput is a phase-2 transcript to check, and optionally what the chain recorded of it.
type VerifyInput struct {
	Artifact []byte   // the registered artifact
	Phase1   []byte   // the sealed phase-1 commons (full size; its hash is the chain's phase1_hash)
	States   [][]byte // the contributed state files in order (001-..., 002-..., without the initial state)

	// Optional, from the chain: each compared with what the transcript recomputes.
	Initial          []byte                       // the transcript's 000-initial.bin
	InitialStateHash []byte                       // recorded when the setup began
	VKK              []byte                       // the K points recorded when the setup began
	Records          []verifier.SetupContribution // one per state file, in order
	Beacon           []byte                       // the finalization beacon: seals the key
	VerifyingKey     []byte                       // the chain's key (needs Beacon)
}

// Report is what a successful Verify recomputed.
type Report struct {
	Setup
	Contributions []verifier.SetupContribution // the record of each state file
	VerifyingKey  []byte                       // with a Beacon: the key the setup yields (428 bytes)
	ProvingKey    []byte                       // with a Beacon: the matching proving key (gnark raw format)
}

// Verify recomputes a phase 2 from the artifact and phase 1 and checks every contribution:
// that it follows the previous state (its challenge is that state's hash: a skipped or
// reordered file fails), that its proof of knowledge verifies and that it updated delta and all
// of the proving key's delta-dependent points (Z, PKK) by the same secret (gnark's
// Phase2.Verify), and that it matches its on-chain record if given. With a beacon it seals the
// key and compares it with the chain's. A bad contribution is reported as a *ContributionError
// naming it; a key that does not match wraps ErrKeyMismatch.
func Verify(in VerifyInput) (*Report, error) {
	p, err := preparedFor(in.Artifact, in.Phase1)
	if err != nil {
		return nil, err
	}
	r := &Report{Setup: *p.setup.clone()}
	if err := p.checkStart(in); err != nil {
		return nil, err
	}
	if in.Records != nil && len(in.Records) != len(in.States) {
		return nil, fmt.Errorf("%w: %d state files for %d recorded contributions", ErrRecordMismatch, len(in.States), len(in.Records))
	}
	// prev is decoded only when a contribution after it needs checking, or for the seal.
	var prev *mpcsetup.Phase2
	prevHash, prevFile := p.setup.InitialStateHash, p.setup.State
	for i, b := range in.States {
		rec, known := knownStep(prevHash, fileHash(b))
		if known && len(b) == len(p.setup.State)+hashSize {
			prev = nil // this process checked (or made) this contribution already: see verifiedSteps
		} else {
			if prev == nil {
				if prev, err = decodedFor(prevHash, prevFile); err != nil {
					return nil, &ContributionError{Index: i, Err: err}
				}
			}
			var next *mpcsetup.Phase2
			if next, rec, err = p.verifyContribution(i+1, prev, prevHash, b); err != nil {
				return nil, err
			}
			rememberStep(prevHash, rec, next)
			prev = next
		}
		if in.Records != nil && !sameRecord(rec, in.Records[i]) {
			return nil, contributionErr(i+1, ErrRecordMismatch, "state hash %x, recorded %x", rec.StateHash, in.Records[i].StateHash)
		}
		r.Contributions = append(r.Contributions, rec)
		prevHash, prevFile = rec.StateHash, b
	}
	if len(in.Beacon) == 0 {
		if in.VerifyingKey != nil {
			return nil, fmt.Errorf("%w: comparing a verifying key needs the setup's beacon", ErrBeacon)
		}
		return r, nil
	}
	if len(in.States) == 0 {
		return nil, ErrNoContributions
	}
	if prev == nil {
		if prev, err = decodedFor(prevHash, prevFile); err != nil {
			return nil, &ContributionError{Index: len(in.States), Err: err}
		}
	}
	if r.VerifyingKey, r.ProvingKey, err = p.seal(clonePhase2(prev), r.Contributions[len(r.Contributions)-1], in.Beacon); err != nil {
		return nil, err
	}
	if in.VerifyingKey != nil && !bytes.Equal(in.VerifyingKey, r.VerifyingKey) {
		return nil, fmt.Errorf("%w: the given key is not the one this artifact's transcript and beacon yield", ErrKeyMismatch)
	}
	return r, nil
}

// checkStart compares the recomputed initial state with what the transcript and chain say.
func (p *prepared) checkStart(in VerifyInput) error {
	if in.Initial != nil && !bytes.Equal(in.Initial, p.setup.State) {
		return contributionErr(0, ErrInitialMismatch, "the transcript's initial state is not the artifact's")
	}
	if in.InitialStateHash != nil && !bytes.Equal(in.InitialStateHash, p.setup.InitialStateHash) {
		return contributionErr(0, ErrInitialMismatch, "recorded initial state hash %x, recomputed %x", in.InitialStateHash, p.setup.InitialStateHash)
	}
	if in.VKK != nil && !bytes.Equal(in.VKK, p.setup.VKK) {
		return contributionErr(0, ErrInitialMismatch, "recorded K points are not the artifact's")
	}
	return nil
}

// verifyContribution checks state file b (contribution i) against the previous state.
func (p *prepared) verifyContribution(i int, prev *mpcsetup.Phase2, prevHash, b []byte) (*mpcsetup.Phase2, verifier.SetupContribution, error) {
	var none verifier.SetupContribution
	if want := len(p.setup.State) + hashSize; len(b) != want {
		return nil, none, contributionErr(i, ErrMalformed, "state file is %d bytes, this circuit's are %d", len(b), want)
	}
	next, err := readState(b)
	if err != nil {
		return nil, none, &ContributionError{Index: i, Err: err}
	}
	if !bytes.Equal(next.Challenge, prevHash) {
		return nil, none, contributionErr(i, ErrOutOfOrder, "its challenge %x is not the previous state's hash %x", next.Challenge, prevHash)
	}
	if err := prev.Verify(next); err != nil {
		return nil, none, contributionErr(i, ErrBadContribution, "%v", err)
	}
	rec, err := recordOf(next, b)
	if err != nil {
		return nil, none, &ContributionError{Index: i, Err: err}
	}
	if err := verifier.VerifySetupContribution(prevHash, compressedDelta(prev), compressedDeltaG2(prev), rec); err != nil {
		return nil, none, contributionErr(i, ErrBadContribution, "the chain's check: %v", err)
	}
	return next, rec, nil
}

// seal applies the beacon to the last state (gnark's Phase2.Seal) and returns our verifying
// key and the proving key, after checking the key is the one the chain builds from its records.
func (p *prepared) seal(last *mpcsetup.Phase2, rec verifier.SetupContribution, beacon []byte) (vk, pk []byte, err error) {
	if len(beacon) > verifier.SetupMaxBeaconSize {
		return nil, nil, fmt.Errorf("%w: %d bytes, at most %d", ErrBeacon, len(beacon), verifier.SetupMaxBeaconSize)
	}
	chainKey, err := verifier.SetupVerifyingKey(p.anchor, p.setup.VKK, rec.StateHash, rec.DeltaG1, rec.DeltaG2, beacon)
	if err != nil {
		return nil, nil, fmt.Errorf("%w: %v", ErrKeyMismatch, err)
	}
	provingKey, verifyingKey, err := sealPhase2(last, rec.StateHash, p.commons, &p.evals, beacon)
	if err != nil {
		return nil, nil, err
	}
	if vk, err = encode(verifyingKey); err != nil {
		return nil, nil, err
	}
	if !bytes.Equal(vk, chainKey) {
		return nil, nil, fmt.Errorf("%w: gnark's sealed key differs from the chain's construction", ErrKeyMismatch)
	}
	var buf bytes.Buffer
	if _, err := provingKey.WriteRawTo(&buf); err != nil {
		return nil, nil, err
	}
	return vk, buf.Bytes(), nil
}

func sameRecord(a, b verifier.SetupContribution) bool {
	return bytes.Equal(a.StateHash, b.StateHash) && bytes.Equal(a.DeltaG1, b.DeltaG1) &&
		bytes.Equal(a.DeltaG2, b.DeltaG2) && bytes.Equal(a.Proof, b.Proof)
}

func compressedDelta(p *mpcsetup.Phase2) []byte {
	b := p.Parameters.G1.Delta.Bytes()
	return b[:]
}

func compressedDeltaG2(p *mpcsetup.Phase2) []byte {
	b := p.Parameters.G2.Delta.Bytes()
	return b[:]
}
