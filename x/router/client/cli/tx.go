// Package cli holds route-task, the hand-written command of x/router.
package cli

import (
	"fmt"
	"strconv"
	"strings"
	"time"

	"github.com/spf13/cobra"

	"github.com/cosmos/cosmos-sdk/client"
	"github.com/cosmos/cosmos-sdk/client/flags"
	"github.com/cosmos/cosmos-sdk/client/tx"
	sdk "github.com/cosmos/cosmos-sdk/types"

	"github.com/hyra-network/hyra/x/router/types"
	tptypes "github.com/hyra-network/hyra/x/taskpool/types"
	"github.com/hyra-network/hyra/zk/vector"
)

const (
	flagTTL           = "ttl"
	flagInputEncoding = "input-encoding"
)

// NewTxCmd returns the tx command of the module; autocli adds claim-best.
func NewTxCmd() *cobra.Command {
	cmd := &cobra.Command{
		Use:                        types.ModuleName,
		Short:                      "Route tasks to pools and claim the best task",
		DisableFlagParsing:         true,
		SuggestionsMinimumDistance: 2,
		RunE:                       client.ValidateCmd,
	}
	cmd.AddCommand(newRouteTaskCmd())
	return cmd
}

func newRouteTaskCmd() *cobra.Command {
	cmd := &cobra.Command{
		Use:   "route-task [model-id] [input] [reward] --ttl DURATION",
		Short: "Submit an inference task for a model; the router picks the pool",
		Long: `Submit an inference task. input is the model's input vector as integers separated by
commas or spaces, sent in the narrowest encoding that holds every value (UINT8 for pixels 0-255: a
byte each); reward is escrowed until a verified result pays it out (at least the model's price);
the task expires and is refunded --ttl after the latest block time.`,
		Example: "hyrad tx router route-task 1 51,35,14,2 1000uhyra --ttl 10m --from client",
		Args:    cobra.ExactArgs(3),
		RunE: func(cmd *cobra.Command, args []string) error {
			clientCtx, err := client.GetClientTxContext(cmd)
			if err != nil {
				return err
			}
			modelID, err := strconv.ParseUint(args[0], 10, 64)
			if err != nil {
				return fmt.Errorf("model id %q: %w", args[0], err)
			}
			input, err := vector.Parse(args[1])
			if err != nil {
				return err
			}
			reward, err := sdk.ParseCoinNormalized(args[2])
			if err != nil {
				return fmt.Errorf("reward %q: %w", args[2], err)
			}
			ttl, _ := cmd.Flags().GetDuration(flagTTL)
			if ttl <= 0 {
				return fmt.Errorf("--ttl must be positive, got %s", ttl)
			}
			deadline, err := deadlineFromNow(clientCtx, ttl)
			if err != nil {
				return err
			}
			name, _ := cmd.Flags().GetString(flagInputEncoding)
			encoded, encoding, err := encodeInput(input, name)
			if err != nil {
				return err
			}
			msg := &types.MsgRouteTask{
				Creator:       clientCtx.GetFromAddress().String(),
				ModelId:       modelID,
				Input:         encoded,
				InputEncoding: encoding,
				Reward:        reward,
				Deadline:      deadline,
			}
			return tx.GenerateOrBroadcastTxCLI(clientCtx, cmd.Flags(), msg)
		},
	}
	cmd.Flags().Duration(flagTTL, 10*time.Minute, "time to live: the deadline is this long after the latest block")
	cmd.Flags().String(flagInputEncoding, "compact", "how the input is encoded on chain: compact (the narrowest that holds it), int64, uint8 or int16")
	flags.AddTxFlagsToCmd(cmd)
	return cmd
}

// encodeInput encodes a task input as --input-encoding names: compact (the
// default) or one encoding, which must hold every value.
func encodeInput(v []int64, name string) ([]byte, tptypes.VectorEncoding, error) {
	if name == "compact" {
		b, e := tptypes.EncodeCompact(v)
		return b, e, nil
	}
	code, ok := tptypes.VectorEncoding_value["VECTOR_ENCODING_"+strings.ToUpper(name)]
	if !ok {
		return nil, 0, fmt.Errorf("--%s %q: want compact, int64, uint8 or int16", flagInputEncoding, name)
	}
	e := tptypes.VectorEncoding(code)
	b, err := vector.EncodeAs(v, e.Vector())
	if err != nil {
		return nil, 0, fmt.Errorf("--%s %s: %w", flagInputEncoding, name, err)
	}
	return b, e, nil
}

// deadlineFromNow is the latest block time plus ttl: the chain measures
// deadlines against block time, not the client's clock. Offline (no node),
// the client clock is used.
func deadlineFromNow(clientCtx client.Context, ttl time.Duration) (time.Time, error) {
	if clientCtx.Offline || clientCtx.Client == nil {
		return time.Now().UTC().Add(ttl), nil
	}
	node, err := clientCtx.GetNode()
	if err != nil {
		return time.Time{}, err
	}
	status, err := node.Status(clientCtx.CmdContext)
	if err != nil {
		return time.Time{}, fmt.Errorf("reading the latest block time: %w", err)
	}
	return status.SyncInfo.LatestBlockTime.UTC().Add(ttl), nil
}
