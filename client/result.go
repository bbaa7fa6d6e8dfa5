package client

import (
	"context"
	"fmt"
	"time"

	sdkclient "github.com/cosmos/cosmos-sdk/client"
	sdk "github.com/cosmos/cosmos-sdk/types"

	modeltypes "github.com/hyra-network/hyra/x/modelregistry/types"
	tptypes "github.com/hyra-network/hyra/x/taskpool/types"
	"github.com/hyra-network/hyra/zk/artifact"
	"github.com/hyra-network/hyra/zk/vector"
	"github.com/hyra-network/hyra/zk/verifier"
)

// Result is a completed task as a user sees it: the output, what it
// predicts, and whether the proof also verifies here, on this machine,
// against the verifying key registered for the task's model version.
type Result struct {
	Task tptypes.Task
	// Version is the model version the proof was checked against: its
	// artifact hash is what the result is bound to, and its setup status
	// says who could have forged the proof.
	Version    modeltypes.ModelVersion
	Output     []int64
	Argmax     int
	Label      string
	Verified   bool
	VerifyErr  error
	VerifyTime time.Duration
}

// CheckResult decodes a completed task's output and verifies its proof
// locally. The chain already verified it in consensus before paying the
// worker; verifying again lets a user trust the result without trusting the
// node that answered the query.
func CheckResult(ctx context.Context, cctx sdkclient.Context, task *tptypes.Task) (*Result, error) {
	out, err := vector.Decode(task.Output)
	if err != nil {
		return nil, fmt.Errorf("task %d output: %w", task.Id, err)
	}
	res, err := modeltypes.NewQueryClient(cctx).ModelVersion(ctx,
		&modeltypes.QueryModelVersionRequest{Id: task.ModelId, Version: task.ModelVersion})
	if err != nil {
		return nil, fmt.Errorf("model %d version %d: %w", task.ModelId, task.ModelVersion, err)
	}
	r := &Result{Task: *task, Version: res.ModelVersion, Output: out, Argmax: Argmax(out)}
	if a, err := artifact.Parse(res.ModelVersion.Artifact); err == nil && r.Argmax < len(a.Output.Labels) {
		r.Label = a.Output.Labels[r.Argmax]
	}

	worker, err := sdk.AccAddressFromBech32(task.Worker)
	if err != nil {
		return nil, fmt.Errorf("task %d worker: %w", task.Id, err)
	}
	start := time.Now()
	// The input commitment is recomputed from the input rather than read from the task, so
	// that the check does not trust the node for it either.
	in, err := task.DecodedInput()
	var inCommit []byte
	if err == nil {
		inCommit, err = verifier.InputCommitmentOf(in, res.ModelVersion.InputScheme())
	}
	if err == nil {
		err = verifier.Verify(res.ModelVersion.VerifyingKey, task.Proof, verifier.Statement{
			ChainID:         cctx.ChainID,
			TaskID:          task.Id,
			Worker:          worker,
			InputCommitment: inCommit,
			Output:          task.Output,
		})
	}
	r.VerifyErr = err
	r.VerifyTime = time.Since(start)
	r.Verified = r.VerifyErr == nil
	return r, nil
}

// Argmax is the index of the largest output, the predicted class of a
// classifier (the first one on ties); -1 for an empty vector.
func Argmax(v []int64) int {
	best := -1
	for i, x := range v {
		if best < 0 || x > v[best] { //nolint:gosec // G602: best is an index already visited
			best = i
		}
	}
	return best
}
