package app_test

import (
	"testing"

	"github.com/cosmos/gogoproto/proto"
	"github.com/prometheus/client_golang/prometheus"
	"github.com/stretchr/testify/require"

	"github.com/cosmos/cosmos-sdk/telemetry"

	tptypes "github.com/hyra-network/hyra/x/taskpool/types"
)

// enableTelemetry turns the SDK's telemetry on with its Prometheus sink, as
// app.toml's telemetry.enabled and prometheus-retention-time do, until the
// test ends. The sink registers with Prometheus's default registry, once per
// process: one test of the package may call it.
func enableTelemetry(t *testing.T) {
	t.Helper()
	_, err := telemetry.New(telemetry.Config{Enabled: true, PrometheusRetentionTime: 600})
	require.NoError(t, err)
	t.Cleanup(func() { _, _ = telemetry.New(telemetry.Config{}) })
}

// requireCounted checks that a node with telemetry on counted what its
// blocks committed: the completed tasks (their events) and the results whose
// proof the handler refused (their transactions' codes), and that it timed
// verifications.
func requireCounted(t *testing.T, blocks []blockOutcome) {
	t.Helper()
	completed, rejected := 0, 0
	for _, b := range blocks {
		for _, r := range b.results {
			if r.Codespace == tptypes.ModuleName && r.Code == tptypes.ErrInvalidProof.ABCICode() {
				rejected++
			}
			for _, ev := range r.Events {
				if r.IsOK() && ev.Type == proto.MessageName(&tptypes.EventTaskCompleted{}) {
					completed++
				}
			}
		}
	}
	require.Positive(t, completed)
	require.Positive(t, rejected)
	require.Equal(t, float64(completed), gathered(t, "hyra_taskpool_tasks_total", "outcome", "completed"))
	require.Equal(t, float64(completed), gathered(t, "hyra_taskpool_results_total", "result", "verified"))
	require.Equal(t, float64(rejected), gathered(t, "hyra_taskpool_results_total", "result", "rejected"))
	require.Positive(t, gathered(t, "hyra_verifier_verify_ms", "", ""), "verifications are timed")
}

// gathered reads a series from Prometheus's default registry, where the
// SDK's sink is: a counter's or gauge's value, a summary's count.
func gathered(t *testing.T, name, label, value string) float64 {
	t.Helper()
	families, err := prometheus.DefaultGatherer.Gather()
	require.NoError(t, err)
	for _, f := range families {
		if f.GetName() != name {
			continue
		}
		for _, m := range f.GetMetric() {
			matches := label == ""
			for _, l := range m.GetLabel() {
				matches = matches || (l.GetName() == label && l.GetValue() == value)
			}
			if !matches {
				continue
			}
			switch {
			case m.Counter != nil:
				return m.Counter.GetValue()
			case m.Gauge != nil:
				return m.Gauge.GetValue()
			case m.Summary != nil:
				return float64(m.Summary.GetSampleCount())
			}
		}
	}
	t.Fatalf("no series %s{%s=%q}", name, label, value)
	return 0
}
