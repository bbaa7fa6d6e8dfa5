package cmd

import (
	"context"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"time"

	"github.com/spf13/cobra"

	"github.com/cosmos/cosmos-sdk/client"
	"github.com/cosmos/cosmos-sdk/client/flags"

	hyraclient "github.com/hyra-network/hyra/client"
	tptypes "github.com/hyra-network/hyra/x/taskpool/types"
)

// followPrivate follows a private task to its result (posting its input to
// each claim), prints each step, and opens and checks the result.
func followPrivate(ctx context.Context, cmd *cobra.Command, sender *hyraclient.Sender, stream *hyraclient.EventStream, taskID uint64, secret hyraclient.Secret, jsonOut bool) (*hyraclient.Result, error) {
	cctx := sender.ClientContext()
	// Progress goes with the text output, or to stderr beside a JSON result.
	w := cmd.OutOrStdout()
	if jsonOut {
		w = cmd.ErrOrStderr()
	}
	f := &hyraclient.PrivateFollower{ChainID: cctx.ChainID, TaskID: taskID, Secret: secret}
	task, err := hyraclient.FollowPrivate(ctx, sender, stream.C(), f, 2*time.Second, func(n hyraclient.PrivateNote) { printNote(w, n) })
	var ended *hyraclient.TaskEndedError
	if errors.As(err, &ended) {
		return nil, err
	}
	if err != nil {
		return nil, fmt.Errorf("%w; to pick the private task up again: hyrad client resume %d --from %s", err, taskID, cctx.GetFromName())
	}
	version, err := hyraclient.TaskVersion(ctx, cctx, task)
	if err != nil {
		return nil, err
	}
	return hyraclient.OpenPrivateResult(cctx.ChainID, task, version, secret)
}

func printNote(w io.Writer, n hyraclient.PrivateNote) {
	switch n.Kind {
	case hyraclient.NoteClaimed:
		fmt.Fprintf(w, "task %d claimed by %s\n", n.TaskID, n.Worker)
	case hyraclient.NotePosted:
		fmt.Fprintf(w, "task %d: input posted, sealed to %s's key\n", n.TaskID, n.Worker)
	case hyraclient.NoteRejected:
		who := n.Worker
		if who == "" {
			who = "its worker" // claimed and rejected between two looks at the chain
		}
		fmt.Fprintf(w, "task %d: %s rejected the input (rejection %d; the chain refunds the task at max_input_rejections); waiting for another claim\n", n.TaskID, who, n.Rejections)
	case hyraclient.NoteBadKey:
		fmt.Fprintf(w, "task %d: %s claimed it with a key that takes no envelope: no input posted; its claim lapses at the input window\n", n.TaskID, n.Worker)
	case hyraclient.NoteReopened:
		fmt.Fprintf(w, "task %d: the claim of %s ended without a result; waiting for another claim\n", n.TaskID, n.Worker)
	}
}

func clientResumeCommand() *cobra.Command {
	cmd := &cobra.Command{
		Use:   "resume TASK_ID --from KEY",
		Short: "Pick up a private task after its client stopped: post its input to the current claim, wait for and open its result",
		Long: `Resume a private task submitted by 'hyrad client infer --private' whose
command stopped. The task's input and blinding are read back from the chain,
from the task's self_ciphertext, with the client key of this --home (` + hyraclient.ClientKeyFile + `),
and checked against the task's input commitment. Then, as infer --private
does, the input is posted sealed to the key of each worker that claims the
task, and the result is opened, verified locally and printed. A task already
completed is opened at once.`,
		Example: "hyrad client resume 7 --from alice",
		Args:    cobra.ExactArgs(1),
		RunE:    runResume,
	}
	cmd.Flags().Duration(flagWaitTimeout, 0, "give up waiting after this long (default: until the task's deadline)")
	addProgramTxFlags(cmd)
	setFlagDefault(cmd, flags.FlagOutput, flags.OutputFormatText)
	return cmd
}

func runResume(cmd *cobra.Command, args []string) error {
	cmd.SilenceUsage = true
	id, cctx, txf, err := taskTx(cmd, args[0])
	if err != nil {
		return err
	}
	ctx, cancel := context.WithCancel(cmd.Context())
	defer cancel()
	stream := hyraclient.NewEventStream(cctx.NodeURI, newLogger(cmd), hyraclient.PrivateQueries...)
	go stream.Run(ctx)

	task, secret, err := privateSecret(ctx, cctx, id)
	if err != nil {
		return err
	}
	if task.Creator != cctx.GetFromAddress().String() {
		return fmt.Errorf("task %d was submitted by %s, not by --from %s", id, task.Creator, cctx.GetFromAddress())
	}
	jsonOut := cctx.OutputFormat == flags.OutputFormatJSON
	out := inferOutput{
		TaskID: id, PoolID: task.PoolId, ModelID: task.ModelId, ModelVersion: task.ModelVersion,
		Reward: task.Reward.String(), Status: shortStatus(task.Status), Private: true,
	}
	if !jsonOut {
		fmt.Fprintf(cmd.OutOrStdout(), "private task %d is %s: its input is read back and checked against its commitment\n", id, out.Status)
	}
	wctx, wcancel := context.WithTimeout(ctx, waitTimeout(cmd, task.Deadline))
	defer wcancel()
	res, err := followPrivate(wctx, cmd, hyraclient.NewSender(cctx, txf), stream, id, secret, jsonOut)
	if err != nil {
		return err
	}
	return printInferResult(cmd, jsonOut, out, res, res.Task.CompletedAt.Sub(res.Task.CreatedAt))
}

// privateSecret reads a private task and its secret back from its
// self_ciphertext with this home's client key, which must exist: a key
// created now could not open it.
func privateSecret(ctx context.Context, cctx client.Context, id uint64) (*tptypes.Task, hyraclient.Secret, error) {
	res, err := tptypes.NewQueryClient(cctx).Task(ctx, &tptypes.QueryTaskRequest{Id: id})
	if err != nil {
		return nil, hyraclient.Secret{}, err
	}
	task := res.Task
	if !task.Private {
		return nil, hyraclient.Secret{}, fmt.Errorf("task %d is public: there is nothing to resume (hyrad client result %d)", id, id)
	}
	path := filepath.Join(cctx.HomeDir, hyraclient.ClientKeyFile)
	if _, err := os.Stat(path); errors.Is(err, fs.ErrNotExist) {
		return nil, hyraclient.Secret{}, fmt.Errorf("task %d is private and %s does not exist: use the --home that submitted it", id, path)
	}
	key, err := hyraclient.LoadClientKey(cctx.HomeDir)
	if err != nil {
		return nil, hyraclient.Secret{}, err
	}
	version, err := hyraclient.TaskVersion(ctx, cctx, &task)
	if err != nil {
		return nil, hyraclient.Secret{}, err
	}
	secret, err := hyraclient.OpenSelf(key, cctx.ChainID, task, version)
	return &task, secret, err
}
