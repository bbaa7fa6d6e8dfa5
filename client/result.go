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
// locally (CheckPublicResult) against the model version the task was created
// for. The chain already verified it in consensus before paying the worker;
// verifying again lets a user trust the result without trusting the node
// that answered the query. A private task's output is sealed: see
// OpenPrivateResult.
func CheckResult(ctx context.Context, cctx sdkclient.Context, task *tptypes.Task) (*Result, error) {
	version, err := TaskVersion(ctx, cctx, task)
	if err != nil {
		return nil, err
	}
	return CheckPublicResult(cctx.ChainID, task, version)
}

// CheckPublicResult decodes a public task's output and verifies its proof
// against version.
func CheckPublicResult(chainID string, task *tptypes.Task, version modeltypes.ModelVersion) (*Result, error) {
	if task.Private {
		return nil, fmt.Errorf("task %d is private: its output opens only with its client's secret", task.Id)
	}
	out, err := vector.Decode(task.Output)
	if err != nil {
		return nil, fmt.Errorf("task %d output: %w", task.Id, err)
	}
	// The input commitment is recomputed from the input rather than read from the task, so
	// that the check does not trust the node for it either.
	in, err := task.DecodedInput()
	var stmt verifier.Statement
	if err == nil {
		stmt, err = publicStatement(in, task.Output, version)
	}
	return checked(chainID, task, version, out, stmt, err)
}

// TaskVersion queries the model version a task was created for.
func TaskVersion(ctx context.Context, cctx sdkclient.Context, task *tptypes.Task) (modeltypes.ModelVersion, error) {
	res, err := modeltypes.NewQueryClient(cctx).ModelVersion(ctx,
		&modeltypes.QueryModelVersionRequest{Id: task.ModelId, Version: task.ModelVersion})
	if err != nil {
		return modeltypes.ModelVersion{}, fmt.Errorf("model %d version %d: %w", task.ModelId, task.ModelVersion, err)
	}
	return res.ModelVersion, nil
}

// publicStatement is the statement of a public task: on a private-capable
// version the chain proves it sealed with r = 0 (verifier.PublicHidingInput,
// PublicSealedOutput), on any other in plaintext.
func publicStatement(in []int64, output []byte, version modeltypes.ModelVersion) (verifier.Statement, error) {
	inCommit, err := verifier.InputCommitmentOf(in, version.InputScheme())
	if err != nil || !version.Private {
		return verifier.Statement{InputCommitment: inCommit, Output: output}, err
	}
	if inCommit, err = verifier.PublicHidingInput(inCommit); err != nil {
		return verifier.Statement{}, err
	}
	sealed, err := verifier.PublicSealedOutput(output)
	return verifier.Statement{InputCommitment: inCommit, Output: sealed, Sealed: true}, err
}

// checked is the Result of task whose output is out: stmt (its input
// commitment and output; prepErr if they could not be built) is verified
// against version's key, with the chain id, task id and worker filled in.
func checked(chainID string, task *tptypes.Task, version modeltypes.ModelVersion, out []int64, stmt verifier.Statement, prepErr error) (*Result, error) {
	r := &Result{Task: *task, Version: version, Output: out, Argmax: Argmax(out)}
	if a, err := artifact.Parse(version.Artifact); err == nil && r.Argmax >= 0 && r.Argmax < len(a.Output.Labels) {
		r.Label = a.Output.Labels[r.Argmax]
	}
	worker, err := sdk.AccAddressFromBech32(task.Worker)
	if err != nil {
		return nil, fmt.Errorf("task %d worker: %w", task.Id, err)
	}
	start := time.Now()
	err = prepErr
	if err == nil {
		stmt.ChainID, stmt.TaskID, stmt.Worker = chainID, task.Id, worker
		err = verifier.Verify(version.VerifyingKey, task.Proof, stmt)
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
