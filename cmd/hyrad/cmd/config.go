package cmd

import (
	"strings"
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

// hyraConfig is app.toml's [hyra] section: hyra's own node settings.
type hyraConfig struct {
	PreverifyCheckTx string `mapstructure:"preverify-check-tx"`
}

// appConfig is app.toml: the SDK's settings and hyra's.
type appConfig struct {
	serverconfig.Config `mapstructure:",squash"`
	Hyra                hyraConfig `mapstructure:"hyra"`
}

const hyraConfigTemplate = `
###############################################################################
###                                  Hyra                                   ###
###############################################################################

[hyra]

# How CheckTx treats the zero-knowledge proofs of results (BENCHMARKS.md has
# the figures):
#   "async": hand each proof to background verifiers, off the ABCI lock, which
#            check them in batches; a transaction whose proof they find invalid
#            still reaches a block, which refuses it with the verifier's error,
#            and its signer's later proofs are verified in CheckTx;
#   "sync":  verify in CheckTx, refusing an invalid proof before it enters the
#            mempool, at the cost of throughput;
#   "off":   leave proofs to ProcessProposal and the message handler; best
#            where nodes are short of CPU.
# Whatever the mode, ProcessProposal verifies a proposed block's proofs (up to
# 1,024) on every core before the block executes. The mode never changes a
# block's outcome or gas.
preverify-check-tx = "{{ .Hyra.PreverifyCheckTx }}"
`

// sdkIndexEventsLine is index-events in the SDK's app.toml template, all
// entries on one line; hyrad's template writes one entry a line and says what
// the default indexes (indexEventsTemplate).
const sdkIndexEventsLine = `index-events = [{{ range .BaseConfig.IndexEvents }}{{ printf "%q, " . }}{{end}}]`

const indexEventsTemplate = `# hyrad init indexes the attributes users search transactions by: the
# identifying fields (ids, epoch, accounts) of hyra's events and the SDK's
# message.action, message.sender, tx.acc_seq, tx.fee_payer and tx.signature.
# The bank's transfer events and amounts are not indexed. Every event still
# reaches /block_results and websocket subscribers, whatever is indexed. An
# explorer or archive node that searches any attribute sets index-events = [].
index-events = [{{ range .BaseConfig.IndexEvents }}
  {{ printf "%q" . }},{{end}}
]`

// initAppConfig returns the app.toml template and defaults written by `hyrad init`.
func initAppConfig() (string, interface{}) {
	srvCfg := serverconfig.DefaultConfig()
	// Validators of a public network should raise this to price out spam;
	// zero keeps a local chain usable without fees.
	srvCfg.MinGasPrices = "0" + app.BondDenom
	srvCfg.IndexEvents = defaultIndexEvents()
	cfg := appConfig{Config: *srvCfg, Hyra: hyraConfig{PreverifyCheckTx: app.DefaultPreverifyMode}}
	tmpl := strings.Replace(serverconfig.DefaultConfigTemplate, sdkIndexEventsLine, indexEventsTemplate, 1)
	return tmpl + hyraConfigTemplate, cfg
}
