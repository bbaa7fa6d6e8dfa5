package ceremony

import "fmt"

// Keys are a finished setup's keys.
type Keys struct {
	ProvingKey   []byte // gnark's raw format (what workers load)
	VerifyingKey []byte // our 428-byte format: exactly verifier.SetupVerifyingKey's output
}

// Finalize verifies the transcript (Verify) and seals it with the beacon the chain recorded at
// finalization, returning the proving key workers use and the verifying key, which is the one
// the chain built. It refuses a transcript without contributions (its delta would be public).
func Finalize(artifactBytes, phase1 []byte, states [][]byte, beacon []byte) (*Keys, error) {
	return finalize(VerifyInput{Artifact: artifactBytes, Phase1: phase1, States: states, Beacon: beacon})
}

func finalize(in VerifyInput) (*Keys, error) {
	if len(in.States) == 0 {
		return nil, ErrNoContributions
	}
	if len(in.Beacon) == 0 {
		return nil, fmt.Errorf("%w: empty", ErrBeacon)
	}
	r, err := Verify(in)
	if err != nil {
		return nil, err
	}
	return &Keys{ProvingKey: r.ProvingKey, VerifyingKey: r.VerifyingKey}, nil
}
