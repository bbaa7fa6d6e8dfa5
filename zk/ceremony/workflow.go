package ceremony

import (
	"fmt"

	"github.com/hyra-network/hyra/zk/verifier"
)

// The participant workflows on a transcript directory, as `hyrad zk ceremony` runs them and as
// the worker daemon and tools call them.

// ChainRecords is what the chain recorded of a model version's setup (all optional).
type ChainRecords struct {
	InitialStateHash []byte
	VKK              []byte
	Contributions    []verifier.SetupContribution
	Beacon           []byte
	VerifyingKey     []byte
}

// BeginDir begins the phase 2 of an artifact in a new transcript directory.
func BeginDir(dir, model string, version uint64, artifactBytes, phase1 []byte) (*Setup, error) {
	s, err := Begin(artifactBytes, phase1)
	if err != nil {
		return nil, err
	}
	if err := CreateTranscript(dir, model, version, s); err != nil {
		return nil, err
	}
	return s, nil
}

// ContributeDir verifies the transcript in dir from the artifact and phase 1 (so the
// contribution goes to the registered artifact's circuit, on a valid chain of states) and, if
// chain is given, against what the chain recorded so far (the initial state hash, the K points
// and every contribution: the chain builds the key from these, so a contributor must check them),
// then adds a contribution as contributor and returns the record to submit on chain.
func ContributeDir(dir, contributor string, artifactBytes, phase1 []byte, chain *ChainRecords) (verifier.SetupContribution, error) {
	var none verifier.SetupContribution
	t, err := LoadTranscript(dir)
	if err != nil {
		return none, err
	}
	in := VerifyInput{Artifact: artifactBytes, Phase1: phase1, Initial: t.Initial, States: t.States}
	if chain != nil {
		in.InitialStateHash, in.VKK, in.Records = chain.InitialStateHash, chain.VKK, chain.Contributions
		if in.Records == nil {
			in.Records = []verifier.SetupContribution{} // the chain has none yet: neither may the transcript
		}
	}
	if _, err := Verify(in); err != nil {
		return none, fmt.Errorf("the transcript does not verify, not contributing: %w", err)
	}
	next, rec, err := Contribute(t.Last())
	if err != nil {
		return none, err
	}
	if err := AddContribution(dir, contributor, next); err != nil {
		return none, err
	}
	return rec, nil
}

// VerifyDir verifies the transcript in dir against the artifact, phase 1 and, if given, the
// chain's records. Without a beacon in chain, the beacon and key the manifest lists (after
// FinalizeDir) are checked instead.
func VerifyDir(dir string, artifactBytes, phase1 []byte, chain *ChainRecords) (*Report, error) {
	t, err := LoadTranscript(dir)
	if err != nil {
		return nil, err
	}
	in := VerifyInput{Artifact: artifactBytes, Phase1: phase1, Initial: t.Initial, States: t.States}
	if chain != nil {
		in.InitialStateHash, in.VKK, in.Records = chain.InitialStateHash, chain.VKK, chain.Contributions
		in.Beacon, in.VerifyingKey = chain.Beacon, chain.VerifyingKey
	}
	if len(in.Beacon) == 0 && t.Manifest.Beacon != "" {
		if in.Beacon, in.VerifyingKey, err = t.final(); err != nil {
			return nil, err
		}
	}
	return Verify(in)
}

// FinalizeDir seals the transcript in dir with the beacon, records beacon and key in the
// manifest and returns the keys.
func FinalizeDir(dir string, artifactBytes, phase1, beacon []byte) (*Keys, error) {
	t, err := LoadTranscript(dir)
	if err != nil {
		return nil, err
	}
	keys, err := finalize(VerifyInput{Artifact: artifactBytes, Phase1: phase1, Initial: t.Initial, States: t.States, Beacon: beacon})
	if err != nil {
		return nil, err
	}
	if err := SetFinal(dir, beacon, keys.VerifyingKey); err != nil {
		return nil, err
	}
	return keys, nil
}
