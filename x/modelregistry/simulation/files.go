package simulation

import (
	"crypto/sha256"

	"github.com/hyra-network/hyra/x/modelregistry/types"
	"github.com/hyra-network/hyra/zk/artifact"
)

// ModelFiles are what a model owner registers: an artifact and the Groth16
// verifying key of its circuit. The chain never holds them off chain, so the
// simulation wiring supplies them (the bundled iris model in tests/sim); the
// module does not import the bundled models or the prover.
type ModelFiles struct {
	Artifact     []byte
	VerifyingKey []byte
	hash         []byte
	schema       types.InputSchema
	outputLength uint32
}

// NewModelFiles parses the artifact once, for the schema every message
// declares.
func NewModelFiles(artifactBytes, verifyingKey []byte) (ModelFiles, error) {
	a, err := artifact.Parse(artifactBytes)
	if err != nil {
		return ModelFiles{}, err
	}
	h := sha256.Sum256(artifactBytes)
	return ModelFiles{
		Artifact:     artifactBytes,
		VerifyingKey: verifyingKey,
		hash:         h[:],
		schema:       types.InputSchema{Length: uint32(a.Input.Length), MinValue: a.Input.Min, MaxValue: a.Input.Max},
		outputLength: uint32(a.Output.Length),
	}, nil
}

// fits reports whether the files are within the size caps of p.
func (f ModelFiles) fits(p types.Params) bool {
	return uint64(len(f.Artifact)) <= p.MaxArtifactSize && uint64(len(f.VerifyingKey)) <= p.MaxVerifyingKeySize
}
