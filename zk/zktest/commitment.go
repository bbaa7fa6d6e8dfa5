package zktest

import (
	"testing"

	"github.com/hyra-network/hyra/zk/commit"
	"github.com/hyra-network/hyra/zk/vector"
	"github.com/hyra-network/hyra/zk/verifier"
)

// InputCommitment is the input commitment (verifier.Statement.InputCommitment) of input under
// the v1 packing, the scheme of the iris and digits models, as the chain stores it with a task.
func InputCommitment(t testing.TB, input []int64) []byte {
	t.Helper()
	c, err := verifier.InputCommitment(vector.Encode(input), commit.InputScheme{})
	if err != nil {
		t.Fatalf("input commitment: %v", err)
	}
	return c
}
