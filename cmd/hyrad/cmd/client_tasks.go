package cmd

import (
	"encoding/base64"
	"encoding/json"
	"fmt"
	"text/tabwriter"
	"time"

	"github.com/spf13/cobra"

	"github.com/cosmos/cosmos-sdk/client"
	"github.com/cosmos/cosmos-sdk/client/flags"
	sdk "github.com/cosmos/cosmos-sdk/types"

	tptypes "github.com/hyra-network/hyra/x/taskpool/types"
)

// taskLine is one task as `client tasks` prints it.
type taskLine struct {
	ID        uint64    `json:"id"`
	Status    string    `json:"status"`
	ModelID   uint64    `json:"model_id"`
	PoolID    uint64    `json:"pool_id"`
	Reward    string    `json:"reward"`
	Worker    string    `json:"worker,omitempty"`
	CreatedAt time.Time `json:"created_at"`
	Deadline  time.Time `json:"deadline"`
}

// tasksOutput is a page of tasks and the key of the next one.
type tasksOutput struct {
	Creator string     `json:"creator"`
	Tasks   []taskLine `json:"tasks"`
	NextKey []byte     `json:"next_key,omitempty"`
}

func clientTasksCommand() *cobra.Command {
	cmd := &cobra.Command{
		Use:   "tasks [ADDRESS] --from KEY",
		Short: "List your tasks (or ADDRESS's) with their status, a page at a time",
		Example: `hyrad client tasks --from alice
hyrad client tasks hyra1... --limit 20 --page-key <next page key>`,
		Args: cobra.MaximumNArgs(1),
		RunE: runTasks,
	}
	flags.AddQueryFlagsToCmd(cmd)
	flags.AddPaginationFlagsToCmd(cmd, "tasks")
	cmd.Flags().String(flags.FlagFrom, "", "key whose tasks to list (name or address in the keyring)")
	cmd.Flags().String(flags.FlagKeyringBackend, flags.DefaultKeyringBackend, "keyring backend (os|file|kwallet|pass|test|memory)")
	setFlagDefault(cmd, flags.FlagOutput, flags.OutputFormatText)
	return cmd
}

func runTasks(cmd *cobra.Command, args []string) error {
	cmd.SilenceUsage = true
	cctx, err := client.GetClientQueryContext(cmd)
	if err != nil {
		return err
	}
	creator, err := tasksCreator(cmd, cctx, args)
	if err != nil {
		return err
	}
	pageFlags, err := client.FlagSetWithPageKeyDecoded(cmd.Flags())
	if err != nil {
		return err
	}
	page, err := client.ReadPageRequest(pageFlags)
	if err != nil {
		return err
	}
	res, err := tptypes.NewQueryClient(cctx).TasksByCreator(cmd.Context(),
		&tptypes.QueryTasksByCreatorRequest{Creator: creator, Pagination: page})
	if err != nil {
		return err
	}
	out := tasksOutput{Creator: creator, Tasks: make([]taskLine, 0, len(res.Tasks))}
	for _, t := range res.Tasks {
		out.Tasks = append(out.Tasks, taskLine{
			ID: t.Id, Status: shortStatus(t.Status), ModelID: t.ModelId, PoolID: t.PoolId,
			Reward: t.Reward.String(), Worker: t.Worker, CreatedAt: t.CreatedAt, Deadline: t.Deadline,
		})
	}
	if res.Pagination != nil {
		out.NextKey = res.Pagination.NextKey
	}
	return printTasks(cmd, cctx.OutputFormat == flags.OutputFormatJSON, out)
}

// tasksCreator is the ADDRESS argument, else the --from key's address.
func tasksCreator(cmd *cobra.Command, cctx client.Context, args []string) (string, error) {
	if len(args) == 1 {
		if _, err := sdk.AccAddressFromBech32(args[0]); err != nil {
			return "", fmt.Errorf("address %q: %w", args[0], err)
		}
		return args[0], nil
	}
	from, _ := cmd.Flags().GetString(flags.FlagFrom)
	if from == "" {
		return "", fmt.Errorf("whose tasks? give an ADDRESS or --%s KEY", flags.FlagFrom)
	}
	addr, _, _, err := client.GetFromFields(cctx, cctx.Keyring, from)
	if err != nil {
		return "", fmt.Errorf("--%s %s: %w", flags.FlagFrom, from, err)
	}
	return addr.String(), nil
}

func printTasks(cmd *cobra.Command, jsonOut bool, o tasksOutput) error {
	w := cmd.OutOrStdout()
	if jsonOut {
		b, err := json.Marshal(o)
		if err != nil {
			return err
		}
		_, err = fmt.Fprintln(w, string(b))
		return err
	}
	if len(o.Tasks) == 0 {
		_, err := fmt.Fprintf(w, "no tasks of %s on this page\n", o.Creator)
		return err
	}
	// The tabwriter buffers: a failed write surfaces at Flush.
	tw := tabwriter.NewWriter(w, 0, 4, 2, ' ', 0)
	_, _ = fmt.Fprintln(tw, "TASK\tSTATUS\tMODEL\tPOOL\tREWARD\tCREATED\tDEADLINE")
	for _, t := range o.Tasks {
		_, _ = fmt.Fprintf(tw, "%d\t%s\t%d\t%d\t%s\t%s\t%s\n", t.ID, t.Status, t.ModelID, t.PoolID, t.Reward,
			t.CreatedAt.UTC().Format(time.RFC3339), t.Deadline.UTC().Format(time.RFC3339))
	}
	if err := tw.Flush(); err != nil {
		return err
	}
	if len(o.NextKey) > 0 {
		_, err := fmt.Fprintf(w, "more: --page-key %s\n", base64.StdEncoding.EncodeToString(o.NextKey))
		return err
	}
	return nil
}
