package cmd

import (
	"context"
	"encoding/hex"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"strings"
	"time"

	"github.com/spf13/cobra"

	"github.com/cosmos/cosmos-sdk/client"
	"github.com/cosmos/cosmos-sdk/client/flags"
	sdk "github.com/cosmos/cosmos-sdk/types"

	hyraclient "github.com/hyra-network/hyra/client"
	"github.com/hyra-network/hyra/worker"
	tptypes "github.com/hyra-network/hyra/x/taskpool/types"
	"github.com/hyra-network/hyra/zk/vector"
)

const (
	flagModel       = "model"
	flagInput       = "input"
	flagInputFile   = "input-file"
	flagImage       = "image"
	flagReward      = "reward"
	flagTTL         = "ttl"
	flagWait        = "wait"
	flagWaitTimeout = "wait-timeout"
	flagPrivate     = "private"
)

// clientCommand is `hyrad client`, the user's side of inference.
func clientCommand() *cobra.Command {
	cmd := &cobra.Command{
		Use:   "client",
		Short: "Buy inference: submit a task for a model, read its verified result, list or cancel your tasks",
		RunE:  client.ValidateCmd,
	}
	cmd.AddCommand(clientInferCommand(), clientResultCommand(), clientResumeCommand(), clientCancelCommand(), clientTasksCommand())
	return cmd
}

func clientInferCommand() *cobra.Command {
	cmd := &cobra.Command{
		Use:   "infer --model ID (--input 1,2,3 | --input-file F | --image digit.png) --from KEY",
		Short: "Submit an inference task through the router and optionally wait for its verified result",
		Long: `Submit an inference task. The input is checked locally against the model's input
schema, the reward (default: the model's price) is escrowed, and x/router places the task
in a pool of the model. With --wait the command waits for a worker's result, which the
chain pays only after verifying its proof, verifies the proof again locally against the
model's registered verifying key, and prints the output, the predicted class and the
end-to-end latency.

--image reads a PNG or PGM (binary P5 or ASCII P2) file, converts it to
grayscale and resizes it to the input shape of the model's registered artifact
([1, H, W], or [N] for a square N); each element is a raw pixel 0..255, which
is what the bundled MNIST models take (their normalisation is folded into the
first layer). A model whose inputs are not raw pixels is refused.

--private runs a private task (README "Private tasks"): only this client and
the worker that runs it see the input and the output. The chain gets a hiding
commitment to the input and the input sealed to this client's own key
(` + hyraclient.ClientKeyFile + ` under --home, created on first use, 0600);
the reward defaults to the model's private price. The command always waits:
when a worker claims the task it posts the input sealed to that worker's key
(again for the next claim if the worker rejects it or the claim lapses),
then opens the sealed output with the task's secret blinding, verifies the
proof locally and prints the output. The blinding and the input stay in this
process; if it stops, 'hyrad client resume TASK_ID' picks the task up from the
chain with the same --home.`,
		Example: `hyrad client infer --model 1 --input 51,35,14,2 --wait --from alice
hyrad client infer --model 2 --input-file digit.txt --reward 2000uhyra --ttl 15m --wait --from alice
hyrad client infer --model 3 --image zk/models/testdata/images/digit-7-t10k-0000.png --wait --from alice
hyrad client infer --model 4 --input-file digit.txt --private --from alice`,
		Args: cobra.NoArgs,
		RunE: runInfer,
	}
	cmd.Flags().Uint64(flagModel, 0, "id of the model to run (required)")
	cmd.Flags().String(flagInput, "", "input vector: integers separated by commas")
	cmd.Flags().String(flagInputFile, "", "file holding the input vector (integers separated by commas or whitespace, brackets allowed)")
	cmd.Flags().String(flagImage, "", "image file (PNG or PGM) to run an image model on, resized to the model's input shape")
	cmd.Flags().String(flagReward, "", "reward to escrow for the worker (default: the model's price, or its private price with --private)")
	cmd.Flags().Duration(flagTTL, 10*time.Minute, "time to live: the task expires and is refunded after it")
	cmd.Flags().Bool(flagWait, false, "wait for the verified result")
	cmd.Flags().Bool(flagPrivate, false, "private task: the input and output are seen only by this client and its worker (implies --wait)")
	cmd.Flags().Duration(flagWaitTimeout, 0, "give up waiting after this long (default: until the task's deadline)")
	_ = cmd.MarkFlagRequired(flagModel)
	cmd.MarkFlagsMutuallyExclusive(flagInput, flagInputFile, flagImage)
	cmd.MarkFlagsOneRequired(flagInput, flagInputFile, flagImage)
	addProgramTxFlags(cmd)
	// People read this command's output; scripts ask for --output json.
	setFlagDefault(cmd, flags.FlagOutput, flags.OutputFormatText)
	return cmd
}

func runInfer(cmd *cobra.Command, _ []string) error {
	cmd.SilenceUsage = true
	cctx, err := programTxContext(cmd)
	if err != nil {
		return err
	}
	req, err := inferRequest(cmd)
	if err != nil {
		return err
	}
	if path, _ := cmd.Flags().GetString(flagImage); path != "" {
		if req.Input, err = hyraclient.ImageInput(cmd.Context(), cctx, req.ModelID, path); err != nil {
			return fmt.Errorf("--%s: %w", flagImage, err)
		}
	}
	txf, err := hyraclient.FactoryFromFlags(cctx, cmd.Flags())
	if err != nil {
		return err
	}
	wait, _ := cmd.Flags().GetBool(flagWait)
	private, _ := cmd.Flags().GetBool(flagPrivate)
	queries := []string{hyraclient.QueryTaskCompleted}
	if private {
		if req.Key, err = hyraclient.LoadClientKey(cctx.HomeDir); err != nil {
			return err
		}
		wait, queries = true, hyraclient.PrivateQueries
	}
	ctx, cancel := context.WithCancel(cmd.Context())
	defer cancel()

	// Subscribe before submitting, so that a fast claim or result is not missed.
	var stream *hyraclient.EventStream
	if wait {
		stream = hyraclient.NewEventStream(cctx.NodeURI, newLogger(cmd), queries...)
		go stream.Run(ctx)
	}
	sender := hyraclient.NewSender(cctx, txf)
	sub, err := hyraclient.Submit(ctx, sender, req)
	if err != nil {
		return err
	}
	out := inferOutput{
		TaskID: sub.TaskID, PoolID: sub.PoolID, PoolCreated: sub.PoolCreated, ModelID: sub.Model.Id,
		ModelName: sub.Model.Name, ModelVersion: sub.Version.Version, Reward: sub.Reward.String(),
		TxHash: sub.Tx.Hash, Height: sub.Tx.Height, Status: "OPEN", Private: private,
	}
	jsonOut := cctx.OutputFormat == flags.OutputFormatJSON
	if !jsonOut {
		pool := fmt.Sprintf("pool %d", out.PoolID)
		if out.PoolCreated {
			pool += " (new pool)"
		}
		kind := "task"
		if private {
			kind = "private task"
		}
		fmt.Fprintf(cmd.OutOrStdout(), "%s %d routed to %s: model %d (%s) v%d, reward %s escrowed (tx %s, height %d)\n",
			kind, out.TaskID, pool, out.ModelID, out.ModelName, out.ModelVersion, out.Reward, out.TxHash, out.Height)
	}
	if !wait {
		return printInfer(cmd.OutOrStdout(), jsonOut, out, false)
	}

	wctx, wcancel := context.WithTimeout(ctx, waitTimeout(cmd, sub.Deadline))
	defer wcancel()
	var res *hyraclient.Result
	if private {
		res, err = followPrivate(wctx, cmd, sender, stream, sub.TaskID, *sub.Secret, jsonOut)
	} else {
		var task *tptypes.Task
		if task, err = hyraclient.WaitCompleted(wctx, cctx, stream.C(), sub.TaskID, 2*time.Second); err == nil {
			res, err = hyraclient.CheckResult(ctx, cctx, task)
		}
	}
	if err != nil {
		return err
	}
	return printInferResult(cmd, jsonOut, out, res, time.Since(sub.SentAt))
}

// waitTimeout is --wait-timeout, or by default until a minute after the
// task's deadline.
func waitTimeout(cmd *cobra.Command, deadline time.Time) time.Duration {
	timeout, _ := cmd.Flags().GetDuration(flagWaitTimeout)
	if timeout <= 0 {
		timeout = time.Until(deadline) + time.Minute
	}
	return timeout
}

// printInferResult prints a verified result after the submission lines of
// out, and fails if its proof does not verify here.
func printInferResult(cmd *cobra.Command, jsonOut bool, out inferOutput, res *hyraclient.Result, latency time.Duration) error {
	task := &res.Task
	out.Status, out.Worker, out.Output = strings.TrimPrefix(task.Status.String(), "TASK_STATUS_"), task.Worker, res.Output
	out.Argmax, out.Label, out.Verified = res.Argmax, res.Label, res.Verified
	out.ArtifactHash, out.SetupStatus = hex.EncodeToString(res.Version.ArtifactHash), strings.TrimPrefix(res.Version.SetupStatus.String(), "SETUP_STATUS_")
	out.SetupContributors, out.SetupIndependent = res.Version.SetupContributors, res.Version.SetupIndependent
	setup := worker.KeyTrust(res.Version)
	out.LatencyMS = latency.Milliseconds()
	out.VerifyMS = float64(res.VerifyTime.Microseconds()) / 1000
	if err := printInfer(cmd.OutOrStdout(), jsonOut, out, true); err != nil {
		return err
	}
	if !jsonOut {
		fmt.Fprintf(cmd.OutOrStdout(), "  bound to:   artifact %s (model %d v%d)\n  key setup:  %s\n", out.ArtifactHash, task.ModelId, res.Version.Version, setup)
	}
	if !res.Verified {
		return fmt.Errorf("the proof of task %d does not verify locally: %w", task.Id, res.VerifyErr)
	}
	return nil
}

// inferRequest reads the request flags.
func inferRequest(cmd *cobra.Command) (hyraclient.InferRequest, error) {
	var req hyraclient.InferRequest
	var err error
	req.ModelID, _ = cmd.Flags().GetUint64(flagModel)
	if req.ModelID == 0 {
		return req, errors.New("--model: a model id is required")
	}
	if s, _ := cmd.Flags().GetString(flagInputFile); s != "" {
		if req.Input, err = hyraclient.ReadVectorFile(s); err != nil {
			return req, fmt.Errorf("--%s: %w", flagInputFile, err)
		}
	} else if s, _ := cmd.Flags().GetString(flagInput); s != "" {
		if req.Input, err = vector.Parse(s); err != nil {
			return req, fmt.Errorf("--%s: %w", flagInput, err)
		}
	}
	if s, _ := cmd.Flags().GetString(flagReward); s != "" {
		reward, err := sdk.ParseCoinNormalized(s)
		if err != nil {
			return req, fmt.Errorf("--%s: %w", flagReward, err)
		}
		req.Reward = &reward
	}
	req.TTL, _ = cmd.Flags().GetDuration(flagTTL)
	return req, nil
}

// inferOutput is what `client infer` prints; its JSON form is for scripts
// (the demo reads it).
type inferOutput struct {
	TaskID       uint64  `json:"task_id"`
	PoolID       uint64  `json:"pool_id"`
	PoolCreated  bool    `json:"pool_created"`
	ModelID      uint64  `json:"model_id"`
	ModelName    string  `json:"model_name"`
	ModelVersion uint64  `json:"model_version"`
	Reward       string  `json:"reward"`
	TxHash       string  `json:"tx_hash"`
	Height       int64   `json:"height"`
	Status       string  `json:"status"`
	Private      bool    `json:"private,omitempty"`
	Worker       string  `json:"worker,omitempty"`
	Output       []int64 `json:"output,omitempty"`
	Argmax       int     `json:"argmax"`
	Label        string  `json:"label,omitempty"`
	Verified     bool    `json:"verified"`
	// ArtifactHash is the artifact the proof binds the result to; the
	// setup fields say who set up the key it was verified with.
	ArtifactHash      string  `json:"artifact_hash,omitempty"`
	SetupStatus       string  `json:"setup_status,omitempty"`
	SetupContributors uint32  `json:"setup_contributors"`
	SetupIndependent  uint32  `json:"setup_independent"`
	VerifyMS          float64 `json:"verify_ms,omitempty"`
	LatencyMS         int64   `json:"latency_ms,omitempty"`
}

func printInfer(w io.Writer, jsonOut bool, o inferOutput, done bool) error {
	if jsonOut {
		b, err := json.Marshal(o)
		if err != nil {
			return err
		}
		_, err = fmt.Fprintln(w, string(b))
		return err
	}
	if !done {
		return nil
	}
	proof := fmt.Sprintf("verified by the chain, and again locally (%.2f ms)", o.VerifyMS)
	if !o.Verified {
		proof = "verified by the chain, but NOT locally"
	}
	label := ""
	if o.Label != "" {
		label = fmt.Sprintf(" (label %q)", o.Label)
	}
	_, err := fmt.Fprintf(w, "task %d %s by %s\n  output:     %v\n  prediction: class %d%s\n  proof:      %s\n  latency:    %s\n",
		o.TaskID, o.Status, o.Worker, o.Output, o.Argmax, label, proof, time.Duration(o.LatencyMS)*time.Millisecond)
	return err
}
