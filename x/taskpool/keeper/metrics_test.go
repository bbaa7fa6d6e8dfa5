package keeper_test

import (
	"testing"

	abci "github.com/cometbft/cometbft/abci/types"
	"github.com/cosmos/gogoproto/proto"
	"github.com/prometheus/client_golang/prometheus"
	"github.com/stretchr/testify/require"

	"github.com/cosmos/cosmos-sdk/telemetry"

	"github.com/hyra-network/hyra/x/taskpool/keeper"
	"github.com/hyra-network/hyra/x/taskpool/types"
)

// TestMetrics: a block's task events and refused results are counted
// (another module's failure with the same code is not), and the escrow gauge
// follows the module account, down to 0 when the last escrow is refunded.
func TestMetrics(t *testing.T) {
	_, err := telemetry.New(telemetry.Config{Enabled: true, PrometheusRetentionTime: 600})
	require.NoError(t, err)
	t.Cleanup(func() { _, _ = telemetry.New(telemetry.Config{}) })

	completed := proto.MessageName(&types.EventTaskCompleted{})
	keeper.RecordBlockMetrics(map[string]int{completed: 2, proto.MessageName(&types.EventTaskSubmitted{}): 3}, []*abci.ExecTxResult{
		{},
		{Codespace: types.ModuleName, Code: types.ErrInvalidProof.ABCICode()},
		{Codespace: "sdk", Code: types.ErrInvalidProof.ABCICode()},
	})
	keeper.RecordBlockMetrics(map[string]int{completed: 1}, nil)
	require.Equal(t, 3.0, gathered(t, "hyra_taskpool_tasks_total", "outcome", "completed"))
	require.Equal(t, 3.0, gathered(t, "hyra_taskpool_tasks_total", "outcome", "submitted"))
	require.Equal(t, 0.0, gathered(t, "hyra_taskpool_tasks_total", "outcome", "expired"), "every outcome exists from the first block")
	require.Equal(t, 3.0, gathered(t, "hyra_taskpool_results_total", "result", "verified"))
	require.Equal(t, 1.0, gathered(t, "hyra_taskpool_results_total", "result", "rejected"))

	f := newFixture(t)
	var escrow keeper.EscrowGauge
	id := f.submitTask(f.createPool(), 2500)
	escrow.Record(f.ctx, f.k)
	require.Equal(t, 2500.0, gathered(t, "hyra_taskpool_escrow_held", "denom", denom))
	_, err = f.msgs.CancelTask(f.ctx, &types.MsgCancelTask{Creator: f.str(f.creator), TaskId: id})
	require.NoError(t, err)
	escrow.Record(f.ctx, f.k)
	require.Equal(t, 0.0, gathered(t, "hyra_taskpool_escrow_held", "denom", denom), "not the last amount held")
}

// gathered reads a counter or gauge from Prometheus's default registry,
// where the SDK's sink is.
func gathered(t *testing.T, name, label, value string) float64 {
	t.Helper()
	families, err := prometheus.DefaultGatherer.Gather()
	require.NoError(t, err)
	for _, f := range families {
		if f.GetName() != name {
			continue
		}
		for _, m := range f.GetMetric() {
			for _, l := range m.GetLabel() {
				if l.GetName() == label && l.GetValue() == value {
					return m.GetCounter().GetValue() + m.GetGauge().GetValue()
				}
			}
		}
	}
	t.Fatalf("no series %s{%s=%q}", name, label, value)
	return 0
}
