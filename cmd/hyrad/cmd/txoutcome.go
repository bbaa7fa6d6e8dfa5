package cmd

import (
	"bytes"
	"context"
	"encoding/hex"
	"fmt"
	"strings"
	"time"

	"github.com/cometbft/cometbft/mempool"
	coretypes "github.com/cometbft/cometbft/rpc/core/types"
	cmttypes "github.com/cometbft/cometbft/types"
	"github.com/spf13/cobra"

	"github.com/cosmos/cosmos-sdk/client"
	"github.com/cosmos/cosmos-sdk/client/flags"
	sdk "github.com/cosmos/cosmos-sdk/types"
	authtx "github.com/cosmos/cosmos-sdk/x/auth/tx"
)

// flagTxWaitTimeout bounds how long a tx command waits for its transaction
// to be in a block.
const flagTxWaitTimeout = "wait-timeout"

// txPollInterval is how often a tx command asks the node for its transaction.
const txPollInterval = 500 * time.Millisecond

// reportOutcomes makes every command under txCmd that broadcasts (autocli's
// and the SDK's alike) wait, in the default sync mode, until its transaction
// is in a block and report how it ended there: the node's acceptance
// (CheckTx, code 0) says only that the transaction entered the mempool, and
// a transaction can still fail in its block. The command fails (non-zero
// exit) when the node refuses the transaction or it fails in its block.
// --broadcast-mode async returns at once, as before.
func reportOutcomes(txCmd *cobra.Command) {
	txCmd.PersistentFlags().Duration(flagTxWaitTimeout, time.Minute,
		"how long to wait for the transaction to be in a block (broadcast mode sync)")
	wrapBroadcasters(txCmd)
}

func wrapBroadcasters(cmd *cobra.Command) {
	for _, sub := range cmd.Commands() {
		wrapBroadcasters(sub)
	}
	if cmd.RunE == nil || cmd.Flags().Lookup(flags.FlagBroadcastMode) == nil {
		return
	}
	run := cmd.RunE
	cmd.RunE = func(cmd *cobra.Command, args []string) error { return runAndReport(cmd, args, run) }
	if cmd.Annotations == nil {
		cmd.Annotations = map[string]string{}
	}
	cmd.Annotations[annotationReportsOutcome] = "true"
}

// annotationReportsOutcome marks the commands that wait for their outcome.
const annotationReportsOutcome = "hyra-reports-outcome"

// runAndReport runs a tx command with a client context whose node connection
// records the transaction it broadcasts and whose output is held back; if it
// broadcast one in sync mode, it waits for the outcome and prints that
// instead of the node's first answer.
func runAndReport(cmd *cobra.Command, args []string, run func(*cobra.Command, []string) error) error {
	cmd.SilenceUsage = true // the arguments parsed: what fails now is not about usage
	cctx := client.GetClientContextFromCmd(cmd)
	fs := cmd.Flags()
	mode, format := cctx.BroadcastMode, cctx.OutputFormat
	if mode == "" || fs.Changed(flags.FlagBroadcastMode) {
		mode, _ = fs.GetString(flags.FlagBroadcastMode)
	}
	if format == "" || fs.Changed(flags.FlagOutput) {
		format, _ = fs.GetString(flags.FlagOutput)
	}
	for _, f := range []string{flags.FlagGenerateOnly, flags.FlagDryRun, flags.FlagOffline} {
		if on, _ := fs.GetBool(f); on {
			return run(cmd, args)
		}
	}
	if mode != flags.BroadcastSync {
		return run(cmd, args)
	}
	node, uri := cctx.Client, cctx.NodeURI
	if f := fs.Lookup(flags.FlagNode); f != nil && (f.Changed || node == nil) {
		uri = f.Value.String()
		var err error
		if node, err = client.NewClientFromNode(uri); err != nil {
			return err
		}
		// The SDK makes a client of its own for a --node given on the command
		// line, which would bypass the recorder; this one is for that node.
		if f.Changed {
			f.Changed = false
			defer func() { f.Changed = true }()
		}
	}
	rec := &broadcastRecorder{CometRPC: node}
	// The command prints to the context's output or, autocli's, to the
	// command's: hold both back.
	var held bytes.Buffer
	out := cmd.OutOrStdout()
	cmd.SetOut(&held)
	err := client.SetCmdClientContext(cmd, cctx.WithClient(rec).WithNodeURI(uri).WithOutput(&held))
	if err == nil {
		err = run(cmd, args)
	}
	cmd.SetOut(out)
	if rec.hash == nil || err != nil {
		_, _ = out.Write(held.Bytes())
		return err
	}
	hash := strings.ToUpper(hex.EncodeToString(rec.hash))
	if refusal := rec.refusal(); refusal != "" {
		if format == flags.OutputFormatJSON {
			_, _ = out.Write(held.Bytes())
		}
		return fmt.Errorf("transaction %s refused by the node, not broadcast: %s", hash, refusal)
	}
	timeout, _ := fs.GetDuration(flagTxWaitTimeout)
	res, err := waitForTx(cmd.Context(), cctx.WithClient(node), hash, timeout)
	if err != nil {
		return err
	}
	return printOutcome(cmd, cctx, format, res)
}

// broadcastRecorder is the node connection of a tx command: it remembers the
// transaction the command broadcasts in sync mode and the node's answer.
type broadcastRecorder struct {
	client.CometRPC
	hash []byte
	sent *coretypes.ResultBroadcastTx // nil if the broadcast failed
	err  error
}

func (r *broadcastRecorder) BroadcastTxSync(ctx context.Context, tx cmttypes.Tx) (*coretypes.ResultBroadcastTx, error) {
	r.hash = tx.Hash()
	r.sent, r.err = r.CometRPC.BroadcastTxSync(ctx, tx)
	return r.sent, r.err
}

// refusal says why the node did not take the transaction into its mempool,
// or "" if it did or already has it (a transaction sent again): the SDK turns
// the mempool's refusals (full, too large, already seen) into a response
// with a code and no error, and CheckTx's into a code.
func (r *broadcastRecorder) refusal() string {
	switch {
	case r.err != nil && strings.Contains(r.err.Error(), mempool.ErrTxInCache.Error()):
		return ""
	case r.err != nil:
		return ErrorText(r.err)
	case r.sent.Code != 0:
		return fmt.Sprintf("%s code %d: %s", r.sent.Codespace, r.sent.Code, r.sent.Log)
	}
	return ""
}

// waitForTx polls the node until the transaction hash is in a block, for at
// most timeout.
func waitForTx(ctx context.Context, cctx client.Context, hexHash string, timeout time.Duration) (*sdk.TxResponse, error) {
	ctx, cancel := context.WithTimeout(ctx, timeout)
	defer cancel()
	tick := time.NewTicker(txPollInterval)
	defer tick.Stop()
	for {
		res, err := authtx.QueryTx(cctx, hexHash)
		if err == nil {
			return res, nil
		}
		select {
		case <-ctx.Done():
			return nil, fmt.Errorf("transaction %s was accepted by the node but is not in a block after %s (last answer: %v); "+
				"it may still be included, or have been dropped from the mempool: look it up with `hyrad query tx %s`",
				hexHash, timeout, err, hexHash)
		case <-tick.C:
		}
	}
}

// printOutcome prints the committed transaction (all of it with --output
// json, a summary otherwise) and returns an error if it failed.
func printOutcome(cmd *cobra.Command, cctx client.Context, format string, res *sdk.TxResponse) error {
	if format == flags.OutputFormatJSON {
		if err := cctx.WithOutput(cmd.OutOrStdout()).PrintProto(res); err != nil {
			return err
		}
	}
	if res.Code != 0 {
		return fmt.Errorf("transaction %s failed in block %d (%s code %d, gas used %d of %d): %s",
			res.TxHash, res.Height, res.Codespace, res.Code, res.GasUsed, res.GasWanted, res.RawLog)
	}
	if format == flags.OutputFormatJSON {
		return nil
	}
	w := cmd.OutOrStdout()
	fmt.Fprintf(w, "transaction %s succeeded in block %d (gas used %d of %d)\n", res.TxHash, res.Height, res.GasUsed, res.GasWanted)
	for _, r := range msgResponses(cctx, res) {
		fmt.Fprintf(w, "  %s\n", r)
	}
	return nil
}

// msgResponses are the JSON forms of the transaction's message responses
// that say something (a new task's id, say); empty ones are left out.
func msgResponses(cctx client.Context, res *sdk.TxResponse) []string {
	data, err := hex.DecodeString(res.Data)
	if err != nil {
		return nil
	}
	var msgData sdk.TxMsgData
	if err := cctx.Codec.Unmarshal(data, &msgData); err != nil {
		return nil
	}
	var out []string
	for _, any := range msgData.MsgResponses {
		if len(any.Value) == 0 {
			continue
		}
		bz, err := cctx.Codec.MarshalJSON(any)
		if err != nil {
			continue
		}
		out = append(out, string(bz))
	}
	return out
}
