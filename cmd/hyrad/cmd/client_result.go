package cmd

import (
	"context"
	"encoding/json"
	"fmt"
	"strconv"
	"strings"
	"time"

	"github.com/spf13/cobra"

	"github.com/cosmos/cosmos-sdk/client"
	"github.com/cosmos/cosmos-sdk/client/flags"

	hyraclient "github.com/hyra-network/hyra/client"
	tptypes "github.com/hyra-network/hyra/x/taskpool/types"
)

// resultOutput is what `client result` prints; its JSON form is for scripts.
type resultOutput struct {
	TaskID       uint64    `json:"task_id"`
	Status       string    `json:"status"`
	ModelID      uint64    `json:"model_id"`
	ModelVersion uint64    `json:"model_version"`
	Worker       string    `json:"worker"`
	Output       []int64   `json:"output"`
	Argmax       int       `json:"argmax"`
	Label        string    `json:"label,omitempty"`
	Verified     bool      `json:"verified"`
	CompletedAt  time.Time `json:"completed_at"`
}

func clientResultCommand() *cobra.Command {
	cmd := &cobra.Command{
		Use:   "result TASK_ID",
		Short: "Print a task's verified result, with its proof verified again locally",
		Long: `Print the output of a completed task, the class it predicts, and whether its
proof also verifies on this machine against the model version's registered
verifying key (the chain verified it before paying the worker). A task that is
not completed is an error that names its status. A private task's output is
opened with its secret, read back from the task's self_ciphertext with the
client key of this --home (` + hyraclient.ClientKeyFile + `): only the home that submitted it can.`,
		Example: "hyrad client result 7\nhyrad client result 7 --output json",
		Args:    cobra.ExactArgs(1),
		RunE:    runResult,
	}
	flags.AddQueryFlagsToCmd(cmd)
	setFlagDefault(cmd, flags.FlagOutput, flags.OutputFormatText)
	return cmd
}

func runResult(cmd *cobra.Command, args []string) error {
	cmd.SilenceUsage = true
	id, err := parseTaskID(args[0])
	if err != nil {
		return err
	}
	cctx, err := client.GetClientQueryContext(cmd)
	if err != nil {
		return err
	}
	res, err := tptypes.NewQueryClient(cctx).Task(cmd.Context(), &tptypes.QueryTaskRequest{Id: id})
	if err != nil {
		return err
	}
	task := res.Task
	if task.Status != tptypes.TASK_STATUS_COMPLETED {
		waits := "hyrad client infer --wait waits for one"
		if task.Private {
			waits = fmt.Sprintf("its client posts its input and waits for one with: hyrad client resume %d --from KEY", id)
		}
		return fmt.Errorf("task %d is %s: it has no result (%s)", id, shortStatus(task.Status), waits)
	}
	checked, err := checkResult(cmd.Context(), cctx, &task)
	if err != nil {
		return err
	}
	out := resultOutput{
		TaskID: id, Status: shortStatus(task.Status), ModelID: task.ModelId, ModelVersion: task.ModelVersion,
		Worker: task.Worker, Output: checked.Output, Argmax: checked.Argmax, Label: checked.Label,
		Verified: checked.Verified, CompletedAt: task.CompletedAt,
	}
	if err := printResult(cmd, cctx.OutputFormat == flags.OutputFormatJSON, out, checked.VerifyTime); err != nil {
		return err
	}
	if !checked.Verified {
		return fmt.Errorf("the proof of task %d does not verify locally: %w", id, checked.VerifyErr)
	}
	return nil
}

// checkResult opens and checks a completed task's result; a private one
// with the secret this home's client key reads back from the chain.
func checkResult(ctx context.Context, cctx client.Context, task *tptypes.Task) (*hyraclient.Result, error) {
	if !task.Private {
		return hyraclient.CheckResult(ctx, cctx, task)
	}
	_, secret, err := privateSecret(ctx, cctx, task.Id)
	if err != nil {
		return nil, err
	}
	version, err := hyraclient.TaskVersion(ctx, cctx, task)
	if err != nil {
		return nil, err
	}
	return hyraclient.OpenPrivateResult(cctx.ChainID, task, version, secret)
}

func printResult(cmd *cobra.Command, jsonOut bool, o resultOutput, verifyTime time.Duration) error {
	w := cmd.OutOrStdout()
	if jsonOut {
		b, err := json.Marshal(o)
		if err != nil {
			return err
		}
		_, err = fmt.Fprintln(w, string(b))
		return err
	}
	proof := fmt.Sprintf("verified by the chain, and again locally (%.2f ms)", float64(verifyTime.Microseconds())/1000)
	if !o.Verified {
		proof = "verified by the chain, but NOT locally"
	}
	label := ""
	if o.Label != "" {
		label = fmt.Sprintf(" (label %q)", o.Label)
	}
	_, err := fmt.Fprintf(w, "task %d %s by %s\n  model:      %d v%d\n  output:     %v\n  prediction: class %d%s\n  proof:      %s\n  completed:  %s\n",
		o.TaskID, o.Status, o.Worker, o.ModelID, o.ModelVersion, o.Output, o.Argmax, label, proof, o.CompletedAt.UTC().Format(time.RFC3339))
	return err
}

func parseTaskID(s string) (uint64, error) {
	id, err := strconv.ParseUint(s, 10, 64)
	if err != nil || id == 0 {
		return 0, fmt.Errorf("task id %q: want a positive integer", s)
	}
	return id, nil
}

// shortStatus is a status without its enum prefix: COMPLETED.
func shortStatus(s tptypes.TaskStatus) string {
	return strings.TrimPrefix(s.String(), "TASK_STATUS_")
}
