// Package cmd builds the hyrad command tree.
package cmd

import (
	"os"

	"cosmossdk.io/client/v2/autocli"
	"cosmossdk.io/depinject"
	"cosmossdk.io/log"
	"github.com/spf13/cobra"

	"github.com/cosmos/cosmos-sdk/client"
	"github.com/cosmos/cosmos-sdk/client/config"
	"github.com/cosmos/cosmos-sdk/codec"
	codectypes "github.com/cosmos/cosmos-sdk/codec/types"
	"github.com/cosmos/cosmos-sdk/server"
	"github.com/cosmos/cosmos-sdk/types/module"
	"github.com/cosmos/cosmos-sdk/x/auth/tx"
	authtxconfig "github.com/cosmos/cosmos-sdk/x/auth/tx/config"
	"github.com/cosmos/cosmos-sdk/x/auth/types"

	"github.com/hyra-network/hyra/app"
)

// NewRootCmd returns the root command of hyrad, with the commands autocli
// generates from the modules' services.
func NewRootCmd() *cobra.Command {
	fillVersion()
	var (
		autoCliOpts  autocli.AppOptions
		moduleBasics module.BasicManager
		clientCtx    client.Context
		txConfigOpts tx.ConfigOptions
	)
	if err := depinject.Inject(
		depinject.Configs(app.AppConfig(),
			depinject.Supply(log.NewNopLogger()),
			depinject.Provide(ProvideClientContext),
		),
		&autoCliOpts,
		&moduleBasics,
		&clientCtx,
		&txConfigOpts,
	); err != nil {
		panic(err)
	}

	rootCmd := &cobra.Command{
		Use:           "hyrad",
		Short:         "Hyra: verifiable AI inference on a Cosmos SDK chain",
		SilenceErrors: true,
		PersistentPreRunE: func(cmd *cobra.Command, _ []string) error {
			cmd.SetOut(cmd.OutOrStdout())
			cmd.SetErr(cmd.ErrOrStderr())

			clientCtx = clientCtx.WithCmdContext(cmd.Context())
			clientCtx, err := client.ReadPersistentCommandFlags(clientCtx, cmd.Flags())
			if err != nil {
				return err
			}
			// A new home's client.toml gets the default chain id, so that
			// commands work on a local chain without --chain-id.
			if clientCtx.ChainID == "" {
				clientCtx = clientCtx.WithChainID(app.DefaultChainID)
			}
			clientCtx, err = config.ReadFromClientConfig(clientCtx)
			if err != nil {
				return err
			}
			if clientCtx, err = withTextualMetadata(clientCtx, txConfigOpts); err != nil {
				return err
			}
			if err := client.SetCmdClientContextHandler(clientCtx, cmd); err != nil {
				return err
			}
			return interceptConfigs(cmd)
		},
	}

	initRootCmd(rootCmd, clientCtx.TxConfig, moduleBasics)

	// autocli needs the client context (keyring, codecs) to build its commands.
	autoCliOpts.ClientCtx = clientCtx
	if err := autoCliOpts.EnhanceRootCommand(rootCmd); err != nil {
		panic(err)
	}
	if txCmd, _, err := rootCmd.Find([]string{"tx"}); err == nil {
		reportOutcomes(txCmd)
	}
	return rootCmd
}

// interceptConfigs reads (or writes) the node's config files and sets the
// server context, like the SDK's InterceptConfigsPreRunHandler, but with the
// node's log on stderr: stdout carries a command's output only, so that
// `hyrad export > genesis.json` writes nothing but the JSON.
func interceptConfigs(cmd *cobra.Command) error {
	appTemplate, appConfig := initAppConfig()
	serverCtx, err := server.InterceptConfigsAndCreateContext(cmd, appTemplate, appConfig, initCometBFTConfig())
	if err != nil {
		return err
	}
	logger, err := server.CreateSDKLogger(serverCtx, cmd.ErrOrStderr())
	if err != nil {
		return err
	}
	serverCtx.Logger = logger.With(log.ModuleKey, "server")
	return server.SetCmdServerContext(cmd, serverCtx)
}

// withTextualMetadata rebuilds the client's tx config so that
// SIGN_MODE_TEXTUAL reads denom metadata from the node this command talks to
// (--node, else client.toml's node), which is known only once the flags and
// the config are read: the tx config ProvideClientContext built asks the
// default node, so a textual signature failed, or rendered another chain's
// metadata, whenever the node was elsewhere.
func withTextualMetadata(clientCtx client.Context, opts tx.ConfigOptions) (client.Context, error) {
	opts.TextualCoinMetadataQueryFn = authtxconfig.NewGRPCCoinMetadataQueryFn(clientCtx)
	txConfig, err := tx.NewTxConfigWithOptions(clientCtx.Codec, opts)
	if err != nil {
		return clientCtx, err
	}
	return clientCtx.WithTxConfig(txConfig), nil
}

// ProvideClientContext builds the client context from the app's codecs.
func ProvideClientContext(
	appCodec codec.Codec,
	interfaceRegistry codectypes.InterfaceRegistry,
	txConfigOpts tx.ConfigOptions,
	legacyAmino *codec.LegacyAmino,
) client.Context {
	clientCtx := client.Context{}.
		WithCodec(appCodec).
		WithInterfaceRegistry(interfaceRegistry).
		WithLegacyAmino(legacyAmino).
		WithInput(os.Stdin).
		WithAccountRetriever(types.AccountRetriever{}).
		WithHomeDir(app.DefaultNodeHome).
		WithViper("HYRA")

	// Only the defaults of client.toml here: reading the home's client.toml
	// would create it before the command's flags (--chain-id) are known.
	clientCtx, _ = config.ReadDefaultValuesFromDefaultClientConfig(clientCtx)

	// Textual sign mode needs coin metadata, read over gRPC from the node.
	txConfigOpts.TextualCoinMetadataQueryFn = authtxconfig.NewGRPCCoinMetadataQueryFn(clientCtx)
	txConfig, err := tx.NewTxConfigWithOptions(clientCtx.Codec, txConfigOpts)
	if err != nil {
		panic(err)
	}
	return clientCtx.WithTxConfig(txConfig)
}
