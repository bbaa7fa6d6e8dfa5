// Command zkcmd runs the zk command tree on its own (for development and `go run` in scripts),
// the same commands the lead mounts as `hyrad zk`.
package main

import (
	"os"

	"github.com/hyra-network/hyra/zk/cli"
)

func main() {
	if err := cli.NewZKCmd().Execute(); err != nil {
		os.Exit(1)
	}
}
