package cmd

import (
	"time"

	cmtcfg "github.com/cometbft/cometbft/config"

	serverconfig "github.com/cosmos/cosmos-sdk/server/config"

	"github.com/hyra-network/hyra/app"
)

// blockTime is the default commit timeout: inference results are paid in the
// block that includes them, so users wait for blocks. The SDK would otherwise
// set 5 s.
const blockTime = time.Second

// initCometBFTConfig returns the CometBFT config written by `hyrad init`.
func initCometBFTConfig() *cmtcfg.Config {
	cfg := cmtcfg.DefaultConfig()
	cfg.Consensus.TimeoutCommit = blockTime
	return cfg
}

// initAppConfig returns the app.toml template and defaults written by `hyrad init`.
func initAppConfig() (string, interface{}) {
	srvCfg := serverconfig.DefaultConfig()
	// Validators of a public network should raise this to price out spam;
	// zero keeps a local chain usable without fees.
	srvCfg.MinGasPrices = "0" + app.BondDenom
	return serverconfig.DefaultConfigTemplate, *srvCfg
}
