// Command connsync is hyrad with one change, for measuring the ABCI client
// mode and nothing else: `start` runs the app under CometBFT's
// connection-synchronized local client (one mutex per ABCI connection:
// consensus, mempool, query, snapshot) instead of the single mutex the SDK's
// start uses, so CheckTx runs while FinalizeBlock does. It starts CometBFT
// alone (no gRPC, REST or telemetry servers).
//
// It is NOT safe for validators: the SDK's BaseApp reads the committed
// multistore in CheckTx while FinalizeBlock writes it, and its stores are
// not made for concurrent use (build it with -race to see). That is why the
// SDK uses one mutex, and why hyrad keeps it; see BENCHMARKS.md. It lives
// under tools/ so that nothing a validator builds or runs includes it: no
// package imports it, make build/install build hyrad only, the localnet and
// hyra-bench start hyrad, and the linter (depguard) refuses any import of
// tools/ from outside tools/.
package main

import (
	"context"
	"fmt"
	"io"
	"os"
	"os/signal"
	"path/filepath"
	"syscall"

	"cosmossdk.io/log"
	cmtcfg "github.com/cometbft/cometbft/config"
	"github.com/cometbft/cometbft/node"
	"github.com/cometbft/cometbft/p2p"
	pvm "github.com/cometbft/cometbft/privval"
	"github.com/cometbft/cometbft/proxy"
	cmttypes "github.com/cometbft/cometbft/types"
	dbm "github.com/cosmos/cosmos-db"

	"github.com/cosmos/cosmos-sdk/client"
	"github.com/cosmos/cosmos-sdk/server"
	svrcmd "github.com/cosmos/cosmos-sdk/server/cmd"
	servercmtlog "github.com/cosmos/cosmos-sdk/server/log"
	servertypes "github.com/cosmos/cosmos-sdk/server/types"
	genutiltypes "github.com/cosmos/cosmos-sdk/x/genutil/types"

	"github.com/hyra-network/hyra/app"
	"github.com/hyra-network/hyra/cmd/hyrad/cmd"
)

func main() {
	root := cmd.NewRootCmd()
	for _, c := range root.Commands() {
		if c.Name() == "start" {
			root.RemoveCommand(c)
		}
	}
	root.AddCommand(server.StartCmdWithOptions(newApp, app.DefaultNodeHome, server.StartCmdOptions{StartCommandHandler: start}))
	if err := svrcmd.Execute(root, "", app.DefaultNodeHome); err != nil {
		fmt.Fprintln(root.OutOrStderr(), err)
		os.Exit(1)
	}
}

func newApp(logger log.Logger, db dbm.DB, _ io.Writer, appOpts servertypes.AppOptions) servertypes.Application {
	a, err := app.New(logger, db, nil, true, appOpts, server.DefaultBaseappOptions(appOpts)...)
	if err != nil {
		panic(err)
	}
	return a
}

// start runs CometBFT in process with a connection-synchronized client until
// SIGINT or SIGTERM.
func start(svrCtx *server.Context, _ client.Context, appCreator servertypes.AppCreator, _ bool, _ server.StartCmdOptions) error {
	cfg := svrCtx.Config
	db, err := dbm.NewDB("application", server.GetAppDBBackend(svrCtx.Viper), filepath.Join(cfg.RootDir, "data"))
	if err != nil {
		return err
	}
	a := appCreator(svrCtx.Logger, db, nil, svrCtx.Viper)
	nodeKey, err := p2p.LoadOrGenNodeKey(cfg.NodeKeyFile())
	if err != nil {
		return err
	}
	genDoc := func() (*cmttypes.GenesisDoc, error) {
		g, err := genutiltypes.AppGenesisFromFile(cfg.GenesisFile())
		if err != nil {
			return nil, err
		}
		return g.ToGenesisDoc()
	}
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	defer stop()
	n, err := node.NewNodeWithContext(ctx, cfg,
		pvm.LoadOrGenFilePV(cfg.PrivValidatorKeyFile(), cfg.PrivValidatorStateFile()), nodeKey,
		proxy.NewConnSyncLocalClientCreator(server.NewCometABCIWrapper(a)),
		genDoc, cmtcfg.DefaultDBProvider, node.DefaultMetricsProvider(cfg.Instrumentation),
		servercmtlog.CometLoggerWrapper{Logger: svrCtx.Logger})
	if err != nil {
		return err
	}
	if err := n.Start(); err != nil {
		return err
	}
	<-ctx.Done()
	if n.IsRunning() {
		_ = n.Stop()
	}
	return a.Close()
}
