package app

import (
	"fmt"
	"runtime"
	"strconv"
	"strings"

	"github.com/cosmos/cosmos-sdk/baseapp"
	servertypes "github.com/cosmos/cosmos-sdk/server/types"

	"github.com/hyra-network/hyra/app/preverify"
)

// FlagPreverifyCheckTx is the app.toml key ([hyra] preverify-check-tx) that
// says how CheckTx treats result proofs:
//
//   - "async" (the default): CheckTx builds each proof's statement and hands
//     it to background verifiers (one per core but one), off the ABCI lock, and
//     returns. A transaction whose proof they find invalid still reaches a
//     block, where the handler refuses it with the verifier's error and its
//     signer pays the verification gas: the submitter always gets an answer.
//     The signer becomes suspect: CheckTx verifies its later proofs itself
//     and refuses an invalid one at once, so that it cannot have the network
//     gossip and verify invalid proofs for free;
//   - "sync" (or true): CheckTx verifies, under the ABCI lock, and refuses an
//     invalid proof before it reaches the mempool, at the cost of
//     throughput (all verification then runs one at a time, see
//     BENCHMARKS.md);
//   - "off" (or false): CheckTx does not look at proofs.
//
// Pre-verifiers look only at a transaction's own results (not those inside
// authz MsgExec, which the handler verifies once authz found a grant).
// Whatever the mode, the ante handler charges verification gas for every
// result a transaction carries, ProcessProposal verifies up to
// preverify.ProposalLimit of a block's proofs in parallel before it is
// executed, and the handler verifies what is still missing; the mode
// changes no block's outcome or gas, only speed and which invalid proofs
// reach a block.
const FlagPreverifyCheckTx = "hyra.preverify-check-tx"

// DefaultPreverifyMode is the mode when app.toml does not set one.
const DefaultPreverifyMode = "async"

// setPreverifiers installs the decorator that charges verification gas for
// every result (in every mode: it is part of consensus), then the proof
// pre-verifiers of app/preverify: the ante decorator in the mode app.toml
// asks for and the ProcessProposal handler around the SDK's default one, all
// with the verifier x/taskpool's keeper verifies with (app.proofs). It
// must run before the app is loaded (sealed), and after the SDK's ante
// handler is installed, which it wraps.
func (app *App) setPreverifiers(appOpts servertypes.AppOptions) error {
	mode, err := preverifyMode(appOpts)
	if err != nil {
		return err
	}
	app.Logger().Info("result proofs are pre-verified", "check_tx", mode, "process_proposal", "parallel")
	ante := preverify.WithDecorator(app.AnteHandler(), preverify.GasDecorator{})
	switch mode {
	case "sync":
		ante = preverify.WithDecorator(ante, preverify.NewAnteDecorator(app.TaskPoolKeeper, app.proofs))
	case "async":
		// One background verifier per core but one (at least one): the core left over serves the
		// ABCI lock (CheckTx, block execution), which is the serial part of the node's work.
		async := preverify.NewAsync(runtime.GOMAXPROCS(0)-1, app.proofs)
		app.metrics.async = async
		ante = preverify.WithDecorator(ante, preverify.NewAsyncAnteDecorator(app.TaskPoolKeeper, async))
	}
	app.SetAnteHandler(ante)
	handlers := baseapp.NewDefaultProposalHandler(app.Mempool(), app.BaseApp)
	app.SetProcessProposal(preverify.ProcessProposalHandler(handlers.ProcessProposalHandler(), app.txConfig.TxDecoder(), app.TaskPoolKeeper, app.proofs))
	return nil
}

// preverifyMode reads FlagPreverifyCheckTx: async, sync or off.
func preverifyMode(appOpts servertypes.AppOptions) (string, error) {
	if appOpts == nil {
		return DefaultPreverifyMode, nil
	}
	switch v := appOpts.Get(FlagPreverifyCheckTx).(type) {
	case nil:
		return DefaultPreverifyMode, nil
	case bool:
		if v {
			return "sync", nil
		}
		return "off", nil
	case string:
		s := strings.ToLower(strings.TrimSpace(v))
		if on, err := strconv.ParseBool(s); err == nil {
			if on {
				return "sync", nil
			}
			return "off", nil
		}
		if s == "sync" || s == "async" || s == "off" {
			return s, nil
		}
	}
	return "", fmt.Errorf("app.toml %s = %v: want sync, async or off", FlagPreverifyCheckTx, appOpts.Get(FlagPreverifyCheckTx))
}
