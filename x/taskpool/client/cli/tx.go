// Package cli holds the hand-written commands of x/taskpool: those that turn
// a readable vector into its canonical encoding or read a proof file.
// autocli makes the rest.
package cli

import (
	"errors"
	"fmt"
	"os"
	"strconv"
	"time"

	"github.com/spf13/cobra"

	"github.com/cosmos/cosmos-sdk/client"
	"github.com/cosmos/cosmos-sdk/client/flags"
	"github.com/cosmos/cosmos-sdk/client/tx"
	sdk "github.com/cosmos/cosmos-sdk/types"

	"github.com/hyra-network/hyra/x/taskpool/types"
	"github.com/hyra-network/hyra/zk/vector"
)

const (
	flagTTL      = "ttl"
	flagDeadline = "deadline"
)

// NewTxCmd returns the tx command of the module, holding the hand-written
// commands; autocli adds the generated ones.
func NewTxCmd() *cobra.Command {
	cmd := &cobra.Command{
		Use:                        types.ModuleName,
		Short:                      "Transactions of the task pools",
		DisableFlagParsing:         true,
		SuggestionsMinimumDistance: 2,
		RunE:                       client.ValidateCmd,
	}
	cmd.AddCommand(newSubmitTaskCmd(), newSubmitResultCmd())
	return cmd
}

func newSubmitTaskCmd() *cobra.Command {
	cmd := &cobra.Command{
		Use:   "submit-task [pool-id] [input-csv-or-file] [reward] [--ttl 10m | --deadline RFC3339]",
		Short: "Submit an inference task to a pool and escrow its reward",
		Long: `Submit a task. The input is a comma- or space-separated integer vector, given inline
or as a file holding one; it must match the model's input schema. It is sent in the narrowest
encoding that holds every value (UINT8 for pixels 0-255: a byte each). The reward (at least the
model's price) is escrowed until the task completes, is cancelled or expires. The deadline is
--ttl from now (default 10m) or an absolute --deadline.`,
		Example: "hyrad tx taskpool submit-task 1 51,35,14,2 1000uhyra --ttl 10m --from alice",
		Args:    cobra.ExactArgs(3),
		RunE: func(cmd *cobra.Command, args []string) error {
			clientCtx, err := client.GetClientTxContext(cmd)
			if err != nil {
				return err
			}
			poolID, err := strconv.ParseUint(args[0], 10, 64)
			if err != nil {
				return fmt.Errorf("pool id %q: %w", args[0], err)
			}
			values, err := readVector(args[1])
			if err != nil {
				return fmt.Errorf("input: %w", err)
			}
			input, encoding := types.EncodeCompact(values)
			reward, err := sdk.ParseCoinNormalized(args[2])
			if err != nil {
				return fmt.Errorf("reward %q: %w", args[2], err)
			}
			deadline, err := readDeadline(cmd, time.Now())
			if err != nil {
				return err
			}
			msg := &types.MsgSubmitTask{
				Creator:       clientCtx.GetFromAddress().String(),
				PoolId:        poolID,
				Input:         input,
				InputEncoding: encoding,
				Reward:        reward,
				Deadline:      deadline,
			}
			return tx.GenerateOrBroadcastTxCLI(clientCtx, cmd.Flags(), msg)
		},
	}
	cmd.Flags().Duration(flagTTL, 10*time.Minute, "deadline as a duration from now")
	cmd.Flags().String(flagDeadline, "", "deadline as an RFC3339 time (instead of --ttl)")
	cmd.MarkFlagsMutuallyExclusive(flagTTL, flagDeadline)
	flags.AddTxFlagsToCmd(cmd)
	return cmd
}

func newSubmitResultCmd() *cobra.Command {
	cmd := &cobra.Command{
		Use:   "submit-result [task-id] [output-csv-or-file] [proof-file]",
		Short: "Submit the proven output of a task you claimed",
		Long: `Submit a result. The output is the integer vector printed by 'hyrad zk prove' (inline,
comma- or space-separated, as 0x-prefixed hex of its canonical encoding, or a file holding
either); the proof is the file 'hyrad zk prove' wrote. The proof must be bound to this
chain, this task and the signing worker.`,
		Example: "hyrad tx taskpool submit-result 7 2,0,1 proof.bin --from worker",
		Args:    cobra.ExactArgs(3),
		RunE: func(cmd *cobra.Command, args []string) error {
			clientCtx, err := client.GetClientTxContext(cmd)
			if err != nil {
				return err
			}
			taskID, err := strconv.ParseUint(args[0], 10, 64)
			if err != nil {
				return fmt.Errorf("task id %q: %w", args[0], err)
			}
			values, err := readVector(args[1])
			if err != nil {
				return fmt.Errorf("output: %w", err)
			}
			output := vector.Encode(values)
			proof, err := os.ReadFile(args[2])
			if err != nil {
				return err
			}
			msg := &types.MsgSubmitResult{
				Worker: clientCtx.GetFromAddress().String(),
				TaskId: taskID,
				Output: output,
				Proof:  proof,
			}
			if err := msg.ValidateBasic(); err != nil {
				return err
			}
			return tx.GenerateOrBroadcastTxCLI(clientCtx, cmd.Flags(), msg)
		},
	}
	flags.AddTxFlagsToCmd(cmd)
	return cmd
}

// readDeadline returns --deadline if set, else now + --ttl.
func readDeadline(cmd *cobra.Command, now time.Time) (time.Time, error) {
	if s, _ := cmd.Flags().GetString(flagDeadline); s != "" {
		t, err := time.Parse(time.RFC3339, s)
		if err != nil {
			return time.Time{}, fmt.Errorf("--%s: %w", flagDeadline, err)
		}
		return t.UTC(), nil
	}
	ttl, _ := cmd.Flags().GetDuration(flagTTL)
	if ttl <= 0 {
		return time.Time{}, errors.New("--ttl must be positive")
	}
	return now.Add(ttl).UTC(), nil
}
