package keeper

import (
	"context"
	"math/big"
	"slices"
	"sync"

	abci "github.com/cometbft/cometbft/abci/types"
	"github.com/cosmos/gogoproto/proto"
	"github.com/hashicorp/go-metrics"

	"github.com/cosmos/cosmos-sdk/telemetry"
	authtypes "github.com/cosmos/cosmos-sdk/x/auth/types"

	"github.com/hyra-network/hyra/x/taskpool/types"
)

// The metrics of x/taskpool for operators, through the SDK's telemetry, so
// that they appear on the node's /metrics endpoint. The app records them
// after a block is executed, from what the block committed: the events of its
// successful transactions and of Begin/EndBlock, and its transactions'
// results. Counting there rather than in the handlers means a simulated
// transaction, or a message whose transaction failed later, counts nothing.
// Nothing here writes state, gas or events: metrics cannot change consensus.

// taskOutcomes names the label of each task event counted in
// hyra_taskpool_tasks_total{outcome}.
var taskOutcomes = []struct{ event, outcome string }{
	{proto.MessageName(&types.EventTaskSubmitted{}), "submitted"},
	{proto.MessageName(&types.EventTaskClaimed{}), "claimed"},
	{proto.MessageName(&types.EventTaskCompleted{}), "completed"},
	{proto.MessageName(&types.EventTaskExpired{}), "expired"},
	{proto.MessageName(&types.EventTaskCancelled{}), "cancelled"},
	{proto.MessageName(&types.EventRefundPending{}), "refund_pending"},
	{proto.MessageName(&types.EventRefundRecovered{}), "refunded"},
}

// RecordBlockMetrics adds a committed block to the counters: events holds
// how many events of each type the block committed, txs its transactions'
// results (a failed one counts as a rejected result when the chain refused
// its proof or output). Every series is added to, by zero when nothing
// happened, so that each exists from the first block and the Prometheus sink
// never drops it as stale.
func RecordBlockMetrics(events map[string]int, txs []*abci.ExecTxResult) {
	if !telemetry.IsTelemetryEnabled() {
		return
	}
	for _, o := range taskOutcomes {
		incr(events[o.event], []string{"hyra", "taskpool", "tasks", "total"}, "outcome", o.outcome)
	}
	rejected := 0
	for _, tx := range txs {
		if isRejectedResult(tx) {
			rejected++
		}
	}
	results := []string{"hyra", "taskpool", "results", "total"}
	incr(events[proto.MessageName(&types.EventTaskCompleted{})], results, "result", "verified")
	incr(rejected, results, "result", "rejected")
	incr(events[proto.MessageName(&types.EventClaimExpired{})], []string{"hyra", "taskpool", "claims", "lapsed", "total"})
	incr(events[proto.MessageName(&types.EventClaimReleased{})], []string{"hyra", "taskpool", "claims", "released", "total"})
}

// isRejectedResult reports whether tx failed because the chain refused a
// result's proof or output.
func isRejectedResult(tx *abci.ExecTxResult) bool {
	if tx.Codespace != types.ModuleName {
		return false
	}
	return tx.Code == types.ErrInvalidProof.ABCICode() || tx.Code == types.ErrInvalidOutput.ABCICode()
}

// incr adds n to the counter key, labelled by the name/value pairs of labels.
func incr(n int, key []string, labels ...string) {
	var ls []metrics.Label
	for i := 0; i+1 < len(labels); i += 2 {
		ls = append(ls, telemetry.NewLabel(labels[i], labels[i+1]))
	}
	telemetry.IncrCounterWithLabels(key, float32(n), ls)
}

// EscrowGauge reports hyra_taskpool_escrow_held{denom}: the module account's
// balance, which holds exactly the escrow of open, claimed and
// refund-pending tasks (CheckEscrowInvariant). Set from the balance rather
// than moved by events, it cannot drift; it is a float64 gauge, exact up to
// 2^53 base units. A denom whose escrow is all paid out reads 0, not its last
// amount. It is safe for concurrent use.
type EscrowGauge struct {
	mu     sync.Mutex
	denoms []string // every denom reported so far, sorted
}

// Record reads the module account's balance in ctx (a read-only view of
// committed state) and sets the gauge.
func (g *EscrowGauge) Record(ctx context.Context, k Keeper) {
	if !telemetry.IsTelemetryEnabled() {
		return
	}
	held := k.bankKeeper.GetAllBalances(ctx, authtypes.NewModuleAddress(types.ModuleName))
	g.mu.Lock()
	defer g.mu.Unlock()
	for _, c := range held {
		if i, found := slices.BinarySearch(g.denoms, c.Denom); !found {
			g.denoms = slices.Insert(g.denoms, i, c.Denom)
		}
	}
	for _, denom := range g.denoms {
		amount, _ := new(big.Float).SetInt(held.AmountOf(denom).BigInt()).Float64()
		// go-metrics directly: the SDK's wrappers have no float64 gauge.
		metrics.SetPrecisionGaugeWithLabels([]string{"hyra", "taskpool", "escrow", "held"}, amount,
			[]metrics.Label{telemetry.NewLabel("denom", denom)})
	}
}
