package cli

import (
	"encoding/hex"
	"errors"
	"fmt"
	"os"
	"strconv"
	"strings"

	"github.com/spf13/cobra"

	"github.com/cosmos/cosmos-sdk/types/bech32"

	"github.com/hyra-network/hyra/zk/vector"
)

// Flag names shared by several subcommands.
const (
	flagArtifact  = "artifact"
	flagInput     = "input"
	flagInputFile = "input-file"
	flagChainID   = "chain-id"
	flagTaskID    = "task-id"
	flagWorker    = "worker"
)

func addInputFlags(cmd *cobra.Command) {
	cmd.Flags().String(flagInput, "", `input vector, comma separated ("1,2,3")`)
	cmd.Flags().String(flagInputFile, "", "file holding the input vector (comma or whitespace separated)")
}

func addBindingFlags(cmd *cobra.Command) {
	cmd.Flags().String(flagChainID, "", "chain id the proof is bound to")
	cmd.Flags().Uint64(flagTaskID, 0, "task id the proof is bound to")
	cmd.Flags().String(flagWorker, "", "worker account address (bech32 hyra1... or hex)")
	for _, f := range []string{flagChainID, flagTaskID, flagWorker} {
		_ = cmd.MarkFlagRequired(f)
	}
}

// readInput returns the vector given by --input or --input-file (exactly one of them).
func readInput(cmd *cobra.Command) ([]int64, error) {
	s, _ := cmd.Flags().GetString(flagInput)
	file, _ := cmd.Flags().GetString(flagInputFile)
	switch {
	case s != "" && file != "":
		return nil, errors.New("use either --input or --input-file")
	case file != "":
		b, err := os.ReadFile(file)
		if err != nil {
			return nil, err
		}
		s = string(b)
	case s == "":
		return nil, errors.New("--input or --input-file is required")
	}
	return vector.Parse(s)
}

// parseWorker accepts a bech32 account address (any prefix; no global SDK config needed) or hex.
func parseWorker(s string) ([]byte, error) {
	if _, b, err := bech32.DecodeAndConvert(s); err == nil {
		return b, nil
	}
	b, err := hex.DecodeString(strings.TrimPrefix(s, "0x"))
	if err != nil || len(b) == 0 {
		return nil, fmt.Errorf("worker %q is neither a bech32 address nor hex", s)
	}
	return b, nil
}

type binding struct {
	chainID string
	taskID  uint64
	worker  []byte
}

func readBinding(cmd *cobra.Command) (binding, error) {
	var b binding
	b.chainID, _ = cmd.Flags().GetString(flagChainID)
	b.taskID, _ = cmd.Flags().GetUint64(flagTaskID)
	w, _ := cmd.Flags().GetString(flagWorker)
	var err error
	b.worker, err = parseWorker(w)
	return b, err
}

func formatVector(v []int64) string {
	s := make([]string, len(v))
	for i, x := range v {
		s[i] = strconv.FormatInt(x, 10)
	}
	return strings.Join(s, ",")
}
