package app

import (
	"time"

	abci "github.com/cometbft/cometbft/abci/types"
	cmtproto "github.com/cometbft/cometbft/proto/tendermint/types"
	"github.com/hashicorp/go-metrics"

	"github.com/cosmos/cosmos-sdk/telemetry"
	sdk "github.com/cosmos/cosmos-sdk/types"

	"github.com/hyra-network/hyra/app/preverify"
	mrkeeper "github.com/hyra-network/hyra/x/modelregistry/keeper"
	rewardskeeper "github.com/hyra-network/hyra/x/rewards/keeper"
	taskpoolkeeper "github.com/hyra-network/hyra/x/taskpool/keeper"
)

// nodeMetrics is what the node remembers to report its metrics (README,
// "Metrics"), through the SDK's telemetry: the modules' counters after each
// block (x/*/keeper/metrics.go), and after each commit the escrow held, the
// proof verifier's cache and the pre-verification queue. It lives in the
// node's memory only. Nothing it records feeds state, gas or events, and
// its times come from this machine's clock, outside the state machine; a
// failure while recording is logged and changes nothing.
type nodeMetrics struct {
	escrow taskpoolkeeper.EscrowGauge
	// hits and misses are the verified-proof cache's counts already reported.
	hits, misses uint64
	// async is the background pre-verifier, when CheckTx hands proofs to one.
	async *preverify.Async
}

// FinalizeBlock executes a block (BaseApp) and then counts what it
// committed.
func (app *App) FinalizeBlock(req *abci.RequestFinalizeBlock) (*abci.ResponseFinalizeBlock, error) {
	res, err := app.App.FinalizeBlock(req)
	if err == nil && telemetry.IsTelemetryEnabled() {
		app.recordMetrics(func() { recordBlock(res) })
	}
	return res, err
}

// Commit commits the block (BaseApp) and then reports the gauges read from
// the committed state and from the node's caches.
func (app *App) Commit() (*abci.ResponseCommit, error) {
	res, err := app.App.Commit()
	if err == nil && telemetry.IsTelemetryEnabled() {
		app.recordMetrics(app.recordCommitted)
	}
	return res, err
}

// recordMetrics runs record, logging instead of failing: metrics never stop
// a node.
func (app *App) recordMetrics(record func()) {
	defer func() {
		if r := recover(); r != nil {
			app.Logger().Error("recording metrics failed", "panic", r)
		}
	}()
	record()
}

// recordBlock hands a block's committed events (those of its successful
// transactions and of Begin/EndBlock; a failed transaction's messages emit
// none) and its transactions' results to each module's metrics.
func recordBlock(res *abci.ResponseFinalizeBlock) {
	events := map[string]int{}
	for _, tx := range res.TxResults {
		if tx.IsOK() {
			for _, ev := range tx.Events {
				events[ev.Type]++
			}
		}
	}
	for _, ev := range res.Events {
		events[ev.Type]++
	}
	taskpoolkeeper.RecordBlockMetrics(events, res.TxResults)
	rewardskeeper.RecordBlockMetrics(events)
	mrkeeper.RecordBlockMetrics(events)
}

// recordCommitted reports the escrow held, read from a private branch of the
// state just committed (discarded unwritten), the verified-proof cache's new
// hits and misses, and the pre-verification queue's depth.
func (app *App) recordCommitted() {
	ctx := sdk.NewContext(app.CommitMultiStore().CacheMultiStore(), cmtproto.Header{}, false, app.Logger())
	app.metrics.escrow.Record(ctx, app.TaskPoolKeeper)

	hits, misses, _ := app.proofs.CacheStats()
	cache := []string{"hyra", "verifier", "cache", "total"}
	telemetry.IncrCounterWithLabels(cache, float32(hits-app.metrics.hits), []metrics.Label{telemetry.NewLabel("result", "hit")})
	telemetry.IncrCounterWithLabels(cache, float32(misses-app.metrics.misses), []metrics.Label{telemetry.NewLabel("result", "miss")})
	app.metrics.hits, app.metrics.misses = hits, misses

	if app.metrics.async != nil {
		telemetry.SetGauge(float32(app.metrics.async.Queued()), "hyra", "preverify", "queue", "depth")
	}
}

// recordVerifyTime is the proof verifier's timer: one sample per proof of
// hyra_verifier_verify_ms, in milliseconds (a batch's time shared among its
// proofs). The verifier runs it on whichever goroutine verified: CheckTx,
// the background pre-verifiers, ProcessProposal or the handler.
func recordVerifyTime(elapsed time.Duration, n int) {
	if !telemetry.IsTelemetryEnabled() || n <= 0 {
		return
	}
	ms := float32(elapsed.Seconds()*1000) / float32(n)
	for range n {
		// go-metrics directly: the SDK's wrappers take a start time, not a duration.
		metrics.AddSample([]string{"hyra", "verifier", "verify", "ms"}, ms)
	}
}
