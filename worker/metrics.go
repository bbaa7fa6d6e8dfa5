package worker

import (
	"math/big"
	"time"

	"github.com/prometheus/client_golang/prometheus"

	sdk "github.com/cosmos/cosmos-sdk/types"
)

// daemonMetrics are the worker daemon's Prometheus metrics, served on
// --metrics-addr at /metrics (README, "Metrics"). They live in their own
// registry: the daemon's numbers only, nothing of the process it shares with
// a node in tests.
type daemonMetrics struct {
	registry *prometheus.Registry
	proofs   prometheus.Counter
	proving  prometheus.Histogram
	claims   *prometheus.CounterVec
	results  *prometheus.CounterVec
	earnings *prometheus.CounterVec
	errors   *prometheus.CounterVec
	private  *prometheus.CounterVec
}

// Error kinds of hyra_worker_errors_total.
const (
	errNode     = "node"     // a round or the preparation failed: the node was unreachable or refused a query
	errKey      = "key"      // no proving key for a claimed task's model version
	errInput    = "input"    // a claimed task's input could not be decoded
	errProve    = "prove"    // proving failed
	errRejected = "rejected" // the chain refused a result
	errExpired  = "expired"  // a claim ran out before the result was in, or a release was refused
	errSetup    = "setup"    // looking at or contributing to model setups failed
)

// Results of hyra_worker_private_tasks_total.
const (
	privateServed   = "served"         // a private task's sealed result was verified and paid
	privateRejected = "input_rejected" // a posted input did not open or did not match its commitment
	privateLapsed   = "input_lapsed"   // no input came within the input window: the claim lapsed, without penalty
)

func newDaemonMetrics() *daemonMetrics {
	m := &daemonMetrics{
		registry: prometheus.NewRegistry(),
		proofs: prometheus.NewCounter(prometheus.CounterOpts{
			Name: "hyra_worker_proofs_total", Help: "Proofs made.",
		}),
		proving: prometheus.NewHistogram(prometheus.HistogramOpts{
			Name: "hyra_worker_proving_seconds", Help: "Time to prove one task's result.",
			Buckets: prometheus.ExponentialBuckets(0.05, 2, 12), // 50 ms to about 100 s
		}),
		claims: prometheus.NewCounterVec(prometheus.CounterOpts{
			Name: "hyra_worker_claims_total", Help: "Claims sent, by result (claimed, refused).",
		}, []string{"result"}),
		results: prometheus.NewCounterVec(prometheus.CounterOpts{
			Name: "hyra_worker_results_total", Help: "Results submitted, by result (accepted: verified and paid; rejected).",
		}, []string{"result"}),
		earnings: prometheus.NewCounterVec(prometheus.CounterOpts{
			Name: "hyra_worker_earnings_total", Help: "The worker's share of the rewards of its verified results, in base units.",
		}, []string{"denom"}),
		errors: prometheus.NewCounterVec(prometheus.CounterOpts{
			Name: "hyra_worker_errors_total", Help: "Errors, by kind: " + "node, key, input, prove, rejected, expired, setup.",
		}, []string{"kind"}),
		private: prometheus.NewCounterVec(prometheus.CounterOpts{
			Name: "hyra_worker_private_tasks_total", Help: "Private tasks, by result: served, input_rejected, input_lapsed.",
		}, []string{"result"}),
	}
	m.registry.MustRegister(m.proofs, m.proving, m.claims, m.results, m.earnings, m.errors, m.private)
	// Every labelled series from the start at zero, so that rates work from the first event.
	for _, r := range []string{"claimed", "refused"} {
		m.claims.WithLabelValues(r)
	}
	for _, r := range []string{"accepted", "rejected"} {
		m.results.WithLabelValues(r)
	}
	for _, r := range []string{privateServed, privateRejected, privateLapsed} {
		m.private.WithLabelValues(r)
	}
	for _, k := range []string{errNode, errKey, errInput, errProve, errRejected, errExpired, errSetup} {
		m.errors.WithLabelValues(k)
	}
	return m
}

// proved counts a proof made in took.
func (m *daemonMetrics) proved(took time.Duration) {
	m.proofs.Inc()
	m.proving.Observe(took.Seconds())
}

// rejected counts a result the chain refused.
func (m *daemonMetrics) rejected() {
	m.results.WithLabelValues("rejected").Inc()
	m.errors.WithLabelValues(errRejected).Inc()
}

// accepted counts a verified result and adds its pay.
func (m *daemonMetrics) accepted(c sdk.Coin) {
	m.results.WithLabelValues("accepted").Inc()
	if c.Amount.IsNil() || !c.Amount.IsPositive() {
		return
	}
	amount, _ := new(big.Float).SetInt(c.Amount.BigInt()).Float64()
	m.earnings.WithLabelValues(c.Denom).Add(amount)
}
