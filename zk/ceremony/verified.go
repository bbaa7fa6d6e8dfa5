package ceremony

import (
	"crypto/sha256"
	"slices"
	"sync"

	"github.com/consensys/gnark/backend/groth16/bn254/mpcsetup"

	"github.com/hyra-network/hyra/zk/verifier"
)

// verifiedSteps remembers, in this process only, which state files are valid contributions on
// top of which states: those Verify checked (gnark's Phase2.Verify and the chain's check) and
// those Contribute made itself. A worker verifies a transcript, contributes, and later derives
// the proving key from the same transcript plus whatever came after its contribution; with this
// it checks only what came after (and skips decoding what it still holds), where it used to
// verify every contribution again (four CPU-seconds each for the MNIST CNN). A step is keyed
// by the hashes of both files, so it says nothing about any other transcript, and Verify still
// walks the whole chain from the start it recomputed from the artifact, comparing every file's
// hash and record with the chain's. A new process (`hyrad zk ceremony verify`) checks
// everything.
var verifiedSteps struct {
	sync.Mutex
	steps   map[[sha256.Size]byte]verifiedStep // by the new state's hash
	decoded []decodedState                     // the newest states, decoded (read-only)
}

const (
	keepSteps   = 4096 // records are about 250 bytes
	keepDecoded = 2    // an MNIST CNN state is 16 MB decoded
)

type verifiedStep struct {
	prev [sha256.Size]byte
	rec  verifier.SetupContribution
}

type decodedState struct {
	hash [sha256.Size]byte
	p    *mpcsetup.Phase2
}

// rememberStep records that the state p (hash rec.StateHash, decoded as p, which nobody may
// modify afterwards) is a valid contribution on top of the state hashed prevHash.
func rememberStep(prevHash []byte, rec verifier.SetupContribution, p *mpcsetup.Phase2) {
	v := &verifiedSteps
	v.Lock()
	defer v.Unlock()
	if v.steps == nil || len(v.steps) >= keepSteps {
		v.steps = map[[sha256.Size]byte]verifiedStep{}
	}
	h := [sha256.Size]byte(rec.StateHash)
	v.steps[h] = verifiedStep{prev: [sha256.Size]byte(prevHash), rec: rec}
	rememberDecodedLocked(h, p)
}

// knownStep returns the record of the state hashed h if this process verified or made it as a
// contribution on top of the state hashed prevHash.
func knownStep(prevHash, h []byte) (verifier.SetupContribution, bool) {
	v := &verifiedSteps
	v.Lock()
	defer v.Unlock()
	s, ok := v.steps[[sha256.Size]byte(h)]
	if !ok || s.prev != [sha256.Size]byte(prevHash) {
		return verifier.SetupContribution{}, false
	}
	return s.rec, true
}

// rememberDecoded keeps a decoded state (read-only from now on) for the next Verify.
func rememberDecoded(h []byte, p *mpcsetup.Phase2) {
	verifiedSteps.Lock()
	defer verifiedSteps.Unlock()
	rememberDecodedLocked([sha256.Size]byte(h), p)
}

func rememberDecodedLocked(h [sha256.Size]byte, p *mpcsetup.Phase2) {
	v := &verifiedSteps
	v.decoded = slices.DeleteFunc(v.decoded, func(d decodedState) bool { return d.hash == h })
	v.decoded = append([]decodedState{{h, p}}, v.decoded[:min(len(v.decoded), keepDecoded-1)]...)
}

// decodedFor returns the decoded state of file b (hash h), from memory or by decoding it. The
// result must not be modified (seal a copy: clonePhase2).
func decodedFor(h, b []byte) (*mpcsetup.Phase2, error) {
	v := &verifiedSteps
	v.Lock()
	for _, d := range v.decoded {
		if d.hash == [sha256.Size]byte(h) {
			v.Unlock()
			return d.p, nil
		}
	}
	v.Unlock()
	p, err := readState(b)
	if err != nil {
		return nil, err
	}
	rememberDecoded(h, p)
	return p, nil
}

func forgetVerified() {
	verifiedSteps.Lock()
	verifiedSteps.steps, verifiedSteps.decoded = nil, nil
	verifiedSteps.Unlock()
}

// clonePhase2 copies the parts of a state that sealing modifies.
func clonePhase2(p *mpcsetup.Phase2) *mpcsetup.Phase2 {
	c := *p
	c.Parameters.G1.Z = slices.Clone(p.Parameters.G1.Z)
	c.Parameters.G1.PKK = slices.Clone(p.Parameters.G1.PKK)
	return &c
}
