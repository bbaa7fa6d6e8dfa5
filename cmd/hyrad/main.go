// Command hyrad is the node, CLI and worker of the Hyra chain.
package main

import (
	"fmt"
	"os"

	svrcmd "github.com/cosmos/cosmos-sdk/server/cmd"

	"github.com/hyra-network/hyra/app"
	"github.com/hyra-network/hyra/cmd/hyrad/cmd"
)

func main() {
	setGCPercent()
	rootCmd := cmd.NewRootCmd()
	if err := svrcmd.Execute(rootCmd, "", app.DefaultNodeHome); err != nil {
		fmt.Fprintln(rootCmd.OutOrStderr(), cmd.ErrorText(err))
		os.Exit(1)
	}
}
