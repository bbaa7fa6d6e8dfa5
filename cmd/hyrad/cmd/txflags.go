package cmd

import (
	"fmt"

	"github.com/spf13/cobra"

	"github.com/cosmos/cosmos-sdk/client"
	"github.com/cosmos/cosmos-sdk/client/flags"
	"github.com/cosmos/cosmos-sdk/client/tx"

	hyraclient "github.com/hyra-network/hyra/client"
)

// addProgramTxFlags adds the SDK's transaction flags to a command that signs
// and broadcasts by itself (the worker, client infer), with the gas margin
// their simulated transactions get by default.
func addProgramTxFlags(cmd *cobra.Command) {
	flags.AddTxFlagsToCmd(cmd)
	setFlagDefault(cmd, flags.FlagGasAdjustment, "1.5")
}

// programTxContext is the command's client context, refusing the flags that
// ask for a transaction to be generated or simulated instead of sent: such a
// command always sends, so ignoring them would surprise.
func programTxContext(cmd *cobra.Command) (client.Context, error) {
	cctx, err := client.GetClientTxContext(cmd)
	if err != nil {
		return cctx, err
	}
	for _, f := range []string{flags.FlagGenerateOnly, flags.FlagDryRun, flags.FlagOffline, flags.FlagAux} {
		if cmd.Flags().Changed(f) {
			return cctx, fmt.Errorf("--%s does not apply to %q, which signs and broadcasts its own transactions", f, cmd.CommandPath())
		}
	}
	return cctx, nil
}

// taskTx is what a command that signs for one of its signer's tasks (cancel,
// resume) starts from: the task id of its argument, the client context and
// the transaction factory.
func taskTx(cmd *cobra.Command, arg string) (uint64, client.Context, tx.Factory, error) {
	id, err := parseTaskID(arg)
	if err != nil {
		return 0, client.Context{}, tx.Factory{}, err
	}
	cctx, err := programTxContext(cmd)
	if err != nil {
		return 0, cctx, tx.Factory{}, err
	}
	txf, err := hyraclient.FactoryFromFlags(cctx, cmd.Flags())
	return id, cctx, txf, err
}

// setFlagDefault changes a flag's default value (and its help text).
func setFlagDefault(cmd *cobra.Command, name, value string) {
	if f := cmd.Flags().Lookup(name); f != nil {
		f.DefValue = value
		_ = f.Value.Set(value)
	}
}
