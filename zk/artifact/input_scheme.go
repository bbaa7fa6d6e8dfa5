package artifact

import "github.com/hyra-network/hyra/zk/commit"

// InputScheme is how the circuit of a commits to its input, which the chain fixes when the
// version is registered: the v1 packing for hyra-qnn/v1 (unchanged, so registered v1 keys keep
// verifying) and the dense packing of the input range for hyra-qnn/v2.
func (a *Artifact) InputScheme() commit.InputScheme {
	if a.Format == FormatV2 {
		return commit.DenseScheme(a.Input.Min, a.Input.Max)
	}
	return commit.InputScheme{}
}
