package e2e_test

import (
	"encoding/json"
	"fmt"
	"io"
	"net/http"
	"slices"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/stretchr/testify/require"

	"github.com/hyra-network/hyra/testutil/hyradtest"
	"github.com/hyra-network/hyra/zk/models"
)

// TestMetrics reads the metrics of a running node (telemetry on, as make
// devnet sets it) and of a running worker daemon (--metrics-addr) after the
// worker completed tasks, and checks that each moved by what happened: the
// tasks the test ran, their verifications, the worker's proofs and pay, and
// the escrow of a task left open.
func TestMetrics(t *testing.T) {
	n := newSingleNodeChain(t, "owner", "client", "worker")
	n.run("config", "set", "app", "telemetry.enabled", "true")
	n.run("config", "set", "app", "telemetry.prometheus-retention-time", "600")
	n.start()
	n.registerIris()
	metricsAddr := fmt.Sprintf("127.0.0.1:%d", freePort(t))
	w := n.startDaemon("worker", "start", "--from", "worker", "--keys-dir", hyradtest.IrisKeysDir(t), "--poll-interval", "1s",
		"--metrics-addr", metricsAddr)
	w.waitLog("bonded", time.Minute)

	iris, err := models.ParseSamples(models.IrisSamples)
	require.NoError(t, err)
	const tasks = 3
	for i := range tasks {
		res, err := n.infer("--model", "1", "--input", csv(iris.Samples[i].Input), "--wait", "--wait-timeout", "90s")
		require.NoError(t, err, "task %d", i)
		require.Equal(t, "COMPLETED", res.Status)
	}
	// The worker counts a result once it sees it committed, which may be just after the client does.
	worker := waitScrape(t, "http://"+metricsAddr+"/metrics", `hyra_worker_results_total{result="accepted"}`, tasks)
	require.Equal(t, float64(tasks), worker[`hyra_worker_proofs_total`])
	require.Equal(t, float64(tasks), worker[`hyra_worker_proving_seconds_count`])
	require.Positive(t, worker[`hyra_worker_proving_seconds_sum`])
	require.Equal(t, float64(tasks), worker[`hyra_worker_claims_total{result="claimed"}`])
	require.Equal(t, float64(tasks), worker[`hyra_worker_results_total{result="accepted"}`])
	require.Equal(t, float64(tasks*850), worker[`hyra_worker_earnings_total{denom="uhyra"}`], "85% of each 1000uhyra reward")
	require.Contains(t, worker, `hyra_worker_errors_total{kind="rejected"}`)
	require.Zero(t, worker[`hyra_worker_errors_total{kind="rejected"}`])
	health := healthz(t, "http://"+metricsAddr+"/healthz")
	require.True(t, health.Connected)
	require.Contains(t, []string{"submitted", "polled"}, health.LastStep)
	require.NotEmpty(t, health.LastStepAt)

	// One more task, with the worker gone: its escrow stays held.
	w.stop()
	_, err = n.infer("--model", "1", "--input", csv(iris.Samples[0].Input), "--reward", "2500uhyra")
	require.NoError(t, err)
	h, err := n.height()
	require.NoError(t, err)
	n.waitHeight(h+2, 30*time.Second)

	node := scrape(t, n.apiURL()+"/metrics?format=prometheus")
	logSeries(t, "node", node)
	logSeries(t, "worker", worker)
	for series, want := range map[string]float64{
		`hyra_taskpool_tasks_total{outcome="submitted"}`: tasks + 1,
		`hyra_taskpool_tasks_total{outcome="claimed"}`:   tasks,
		`hyra_taskpool_tasks_total{outcome="completed"}`: tasks,
		`hyra_taskpool_tasks_total{outcome="expired"}`:   0,
		`hyra_taskpool_tasks_total{outcome="cancelled"}`: 0,
		`hyra_taskpool_results_total{result="verified"}`: tasks,
		`hyra_taskpool_results_total{result="rejected"}`: 0,
		`hyra_taskpool_claims_lapsed_total`:              0,
		`hyra_rewards_slashes_total`:                     0,
		`hyra_modelregistry_setup_contributions_total`:   0,
		`hyra_taskpool_escrow_held{denom="uhyra"}`:       2500,
		`hyra_preverify_queue_depth`:                     0,
	} {
		require.Contains(t, node, series)
		require.Equal(t, want, node[series], series)
	}
	// Each proof was verified in full once at least (ahead of execution or in
	// the handler), and the handler looked each up in the verified-proof cache.
	require.GreaterOrEqual(t, node[`hyra_verifier_verify_ms_count`], float64(tasks))
	require.Positive(t, node[`hyra_verifier_verify_ms_sum`])
	require.GreaterOrEqual(t, node[`hyra_verifier_cache_total{result="hit"}`]+node[`hyra_verifier_cache_total{result="miss"}`], float64(tasks))
}

// scrape reads a Prometheus text exposition into series -> value, a series
// written as it appears (name{labels}).
func scrape(t *testing.T, url string) map[string]float64 {
	t.Helper()
	resp, err := get(t, url)
	require.NoError(t, err)
	defer resp.Body.Close()
	body, err := io.ReadAll(resp.Body)
	require.NoError(t, err)
	require.Equal(t, http.StatusOK, resp.StatusCode, string(body))
	out := map[string]float64{}
	for _, line := range strings.Split(string(body), "\n") {
		i := strings.LastIndexByte(line, ' ')
		if line == "" || strings.HasPrefix(line, "#") || i < 0 {
			continue
		}
		v, err := strconv.ParseFloat(line[i+1:], 64)
		require.NoError(t, err, line)
		out[line[:i]] = v
	}
	return out
}

// get fetches url.
func get(t *testing.T, url string) (*http.Response, error) {
	t.Helper()
	req, err := http.NewRequestWithContext(t.Context(), http.MethodGet, url, nil)
	require.NoError(t, err)
	return http.DefaultClient.Do(req)
}

// logSeries logs the hyra_ series of a scrape, sorted.
func logSeries(t *testing.T, who string, scraped map[string]float64) {
	t.Helper()
	var lines []string
	for series, v := range scraped {
		if strings.HasPrefix(series, "hyra_") {
			lines = append(lines, fmt.Sprintf("%s %g", series, v))
		}
	}
	slices.Sort(lines)
	t.Logf("%s metrics:\n%s", who, strings.Join(lines, "\n"))
}

// waitScrape scrapes url until series reads want, and returns that scrape.
func waitScrape(t *testing.T, url, series string, want float64) map[string]float64 {
	t.Helper()
	deadline := time.Now().Add(30 * time.Second)
	for {
		got := scrape(t, url)
		if got[series] == want || time.Now().After(deadline) {
			return got
		}
		time.Sleep(200 * time.Millisecond)
	}
}

// healthz reads the worker's /healthz.
func healthz(t *testing.T, url string) (h struct {
	Connected  bool   `json:"connected"`
	LastStep   string `json:"last_step"`
	LastStepAt string `json:"last_step_at"`
},
) {
	t.Helper()
	resp, err := get(t, url)
	require.NoError(t, err)
	defer resp.Body.Close()
	require.Equal(t, http.StatusOK, resp.StatusCode)
	require.NoError(t, json.NewDecoder(resp.Body).Decode(&h))
	return h
}
