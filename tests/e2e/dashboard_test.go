package e2e_test

import (
	"context"
	"encoding/json"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/stretchr/testify/require"

	"github.com/hyra-network/hyra/testutil/hyradtest"
	"github.com/hyra-network/hyra/zk/artifact"
	"github.com/hyra-network/hyra/zk/models"
)

// TestDashboardInBrowser opens the dashboard that hyrad serves at
// /dashboard/ in headless Chromium (dashboard/test/browser.mjs, driven by
// puppeteer-core) on a chain whose tasks a real worker daemon completed, and
// checks every page against what the test did; the live feed must show a new
// task complete without a reload, and "try it" must pay for a task through a
// wallet. Screenshots go to build/screenshots (and, with
// HYRA_DASHBOARD_DOCS=1, small copies to docs/dashboard).
//
// It needs Node, Chromium and `npm ci` in dashboard/; without them it skips,
// except under CI, where .ci/run installs them and a skip would hide a gap.
func TestDashboardInBrowser(t *testing.T) {
	root, err := filepath.Abs("../..")
	require.NoError(t, err)
	chromium := envOr("CHROMIUM", "/usr/bin/chromium")
	for _, need := range []string{chromium, filepath.Join(root, "dashboard/node_modules/puppeteer-core")} {
		if _, err := os.Stat(need); err != nil {
			if os.Getenv("CI") != "" {
				t.Fatalf("%s is missing: .ci/run installs it", need)
			}
			t.Skipf("%s is missing (apt-get install -y chromium; cd dashboard && npm ci)", need)
		}
	}
	nodeJS, err := exec.LookPath("node")
	require.NoError(t, err, "node is needed to drive the browser")

	n := newSingleNodeChain(t, "owner", "client", "worker")
	n.start()
	n.registerIris()
	keys := hyradtest.IrisKeysDir(t)
	n.setupDigits(keys) // model 2
	worker := n.address("worker")
	w := n.startDaemon("worker", "start", "--from", "worker", "--keys-dir", keys, "--poll-interval", "1s")
	w.waitLog("bonded", time.Minute)

	iris, err := models.ParseSamples(models.IrisSamples)
	require.NoError(t, err)
	digits, err := models.ParseSamples(models.DigitsSamples)
	require.NoError(t, err)
	for _, j := range []struct {
		model string
		in    []int64
	}{{"1", iris.Samples[0].Input}, {"1", iris.Samples[1].Input}, {"2", digits.Samples[0].Input}} {
		res, err := n.infer("--model", j.model, "--input", csv(j.in), "--wait", "--wait-timeout", "90s")
		require.NoError(t, err)
		require.Equal(t, "COMPLETED", res.Status)
	}
	const taskID, completed = 3, 3 // the digits task is the one whose page is checked
	digitsArt, err := artifact.Parse(models.DigitsArtifact)
	require.NoError(t, err)
	var bond struct {
		Bond struct {
			Bonded struct {
				Amount string `json:"amount"`
			} `json:"bonded"`
		} `json:"bond"`
	}
	require.Equal(t, 200, n.getJSON("/hyra/rewards/v1/workers/"+worker+"/bond", &bond))
	bonded, err := strconv.ParseInt(bond.Bond.Bonded.Amount, 10, 64)
	require.NoError(t, err)
	chainStatus := struct {
		Block struct {
			Header struct {
				ChainID string `json:"chain_id"`
			} `json:"header"`
		} `json:"block"`
	}{}
	require.Equal(t, 200, n.getJSON("/cosmos/base/tendermint/v1beta1/blocks/latest", &chainStatus))

	sample := digits.Samples[0]
	expect := map[string]any{
		"chainId":   chainStatus.Block.Header.ChainID,
		"completed": completed,
		"pools":     2,
		"volume":    hyraAmount(completed * 1000),
		"models": []map[string]any{
			{"id": "1", "name": "iris", "price": hyraAmount(1000), "completed": 2, "volume": hyraAmount(2000)},
			{"id": "2", "name": "digits", "price": hyraAmount(1000), "completed": 1, "volume": hyraAmount(1000)},
		},
		"worker": map[string]any{"address": worker, "earnings": hyraAmount(completed * 850), "bond": hyraAmount(bonded)},
		"task": map[string]any{
			"id": taskID, "label": digitsArt.Output.Labels[sample.Predicted], "output": sample.Output,
			"input": sample.Input, "workerShare": hyraAmount(850), "image": true,
		},
	}
	expectJSON, err := json.Marshal(expect)
	require.NoError(t, err)
	submit, err := json.Marshal([]string{
		hyrad, "client", "infer", "--model", "1", "--input", csv(iris.Samples[2].Input),
		"--output", "json", "--from", "client", "--home", n.home,
	})
	require.NoError(t, err)
	clientKey := strings.TrimSpace(n.run("keys", "export", "client", "--unarmored-hex", "--unsafe", "--yes", "--keyring-backend", "test"))

	ctx, cancel := context.WithTimeout(context.Background(), 8*time.Minute)
	defer cancel()
	cmd := exec.CommandContext(ctx, nodeJS, "test/browser.mjs")
	cmd.Dir = filepath.Join(root, "dashboard")
	cmd.Env = append(os.Environ(),
		"DASHBOARD_URL="+n.apiURL()+"/dashboard/",
		"DASHBOARD_EXPECT="+string(expectJSON),
		"SCREENSHOTS="+filepath.Join(root, "build/screenshots"),
		"SUBMIT_CMD="+string(submit),
		"CLIENT_KEY="+clientKey,
		"CLIENT_ADDR="+n.address("client"),
		"CHROMIUM="+chromium,
	)
	if os.Getenv("HYRA_DASHBOARD_DOCS") != "" {
		cmd.Env = append(cmd.Env, "DOCS_SCREENSHOTS="+filepath.Join(root, "docs/dashboard"))
	}
	out, err := cmd.CombinedOutput()
	t.Logf("browser test:\n%s", out)
	require.NoError(t, err, "the browser test failed (its output is above)")
	require.Contains(t, string(out), "7 passed, 0 failed")
}

// hyraAmount writes uhyra as the dashboard shows it: in HYRA, exact.
func hyraAmount(uhyra int64) string {
	whole, frac := uhyra/1_000_000, fmt.Sprintf("%06d", uhyra%1_000_000)
	frac = strings.TrimRight(frac, "0")
	s := strconv.FormatInt(whole, 10)
	for i := len(s) - 3; i > 0; i -= 3 {
		s = s[:i] + "," + s[i:]
	}
	if frac != "" {
		s += "." + frac
	}
	return s + " HYRA"
}

func envOr(k, def string) string {
	if v := os.Getenv(k); v != "" {
		return v
	}
	return def
}
