package client

import (
	"fmt"

	modeltypes "github.com/hyra-network/hyra/x/modelregistry/types"
	tptypes "github.com/hyra-network/hyra/x/taskpool/types"
	"github.com/hyra-network/hyra/zk/commit"
	"github.com/hyra-network/hyra/zk/verifier"
)

// OpenPrivateResult opens a completed private task's sealed output with the
// client's secret and verifies its proof locally. The proof binds the sealed
// output to the model's output on the committed input, so the opened values
// are exactly what the model gave; the statement is built from the secret
// (the hiding commitment recomputed, not read from the node) and the sealed
// bytes on chain, whose commitment the verifier computes itself. A sealed
// output that does not open (not this secret's, or not of the model's
// shape) is an error: no output is shown.
func OpenPrivateResult(chainID string, task *tptypes.Task, version modeltypes.ModelVersion, s Secret) (*Result, error) {
	if !task.Private {
		return nil, fmt.Errorf("task %d is public: its output is in plaintext", task.Id)
	}
	n := int(version.OutputLength)
	ct, err := commit.DecodeSealed(task.Output, n)
	if err != nil {
		return nil, fmt.Errorf("task %d: sealed output: %w", task.Id, err)
	}
	out, err := commit.OpenOutput(ct, s.R, commit.MinValue, commit.MaxValue)
	if err != nil {
		return nil, fmt.Errorf("task %d: the sealed output does not open with this task's blinding: %w", task.Id, err)
	}
	hiding, err := verifier.HidingInputOf(s.Input, version.InputScheme(), s.R)
	stmt := verifier.Statement{InputCommitment: hiding, Output: task.Output, Sealed: true}
	return checked(chainID, task, version, out, stmt, err)
}
