package cmd

import (
	"encoding/json"
	"fmt"

	"github.com/spf13/cobra"

	"github.com/cosmos/cosmos-sdk/client/flags"

	hyraclient "github.com/hyra-network/hyra/client"
	tptypes "github.com/hyra-network/hyra/x/taskpool/types"
)

// cancelOutput is what `client cancel` prints; its JSON form is for scripts.
type cancelOutput struct {
	TaskID uint64 `json:"task_id"`
	Refund string `json:"refund"`
	TxHash string `json:"tx_hash"`
	Height int64  `json:"height"`
}

func clientCancelCommand() *cobra.Command {
	cmd := &cobra.Command{
		Use:   "cancel TASK_ID --from KEY",
		Short: "Withdraw one of your tasks that no worker has claimed yet; its reward is refunded",
		Long: `Cancel an OPEN task you submitted: the chain refunds its whole escrowed
reward to you. A task a worker has claimed can no longer be cancelled (it
completes, or expires at its deadline and is refunded then).`,
		Example: "hyrad client cancel 7 --from alice",
		Args:    cobra.ExactArgs(1),
		RunE:    runCancel,
	}
	addProgramTxFlags(cmd)
	setFlagDefault(cmd, flags.FlagOutput, flags.OutputFormatText)
	return cmd
}

func runCancel(cmd *cobra.Command, args []string) error {
	cmd.SilenceUsage = true
	id, cctx, txf, err := taskTx(cmd, args[0])
	if err != nil {
		return err
	}
	res, err := hyraclient.NewSender(cctx, txf).Send(cmd.Context(),
		&tptypes.MsgCancelTask{Creator: cctx.GetFromAddress().String(), TaskId: id})
	if err != nil {
		return err
	}
	var resp tptypes.MsgCancelTaskResponse
	if err := res.MsgResponse(0, &resp); err != nil {
		return err
	}
	out := cancelOutput{TaskID: id, Refund: resp.Refund.String(), TxHash: res.Hash, Height: res.Height}
	if cctx.OutputFormat == flags.OutputFormatJSON {
		b, err := json.Marshal(out)
		if err != nil {
			return err
		}
		_, err = fmt.Fprintln(cmd.OutOrStdout(), string(b))
		return err
	}
	_, err = fmt.Fprintf(cmd.OutOrStdout(), "task %d cancelled: %s refunded (tx %s, height %d)\n", out.TaskID, out.Refund, out.TxHash, out.Height)
	return err
}
