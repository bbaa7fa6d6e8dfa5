package main

import (
	"context"
	"os"
	"os/exec"
	"path/filepath"
	"testing"
	"time"

	"github.com/stretchr/testify/require"

	sdk "github.com/cosmos/cosmos-sdk/types"

	tptypes "github.com/hyra-network/hyra/x/taskpool/types"
)

// TestRunLoadCountsAFailedTransaction runs the sustained mode's load on a
// real single-validator chain: worker 0's ten transactions of ten results
// each, the third carrying, for its first task, the proof of another task
// (well formed, so CheckTx passes it on and its block's handler refuses the
// whole transaction), then worker 1's ten valid ones. The bench learns what
// committed from /block and the pool's counter, which for the first load
// disagree: it must count the failed transaction and only the 90 results
// that committed, from the blocks' results; for the second they agree, and
// it reads the results of one block only, for the gas.
func TestRunLoadCountsAFailedTransaction(t *testing.T) {
	if testing.Short() {
		t.Skip("starts a node")
	}
	ctx, cancel := context.WithTimeout(context.Background(), 10*time.Minute)
	defer cancel()
	tweaks, err := parseNodeTweaks("")
	require.NoError(t, err)
	cfg := config{hyrad: hyradForTest(t), node: tweaks}
	m, err := loadIris()
	require.NoError(t, err)
	workers := []*account{sustainedWorker(0), sustainedWorker(1)}
	n := len(workers) * tasksPerWorker
	ps := sustainedProofs(m, n)
	results := make([]result, n)
	for i := range results {
		results[i], err = proveTask(ps, i)
		require.NoError(t, err)
	}

	bn, err := startNet(ctx, cfg, "ledger-test", sustainedGenesis(workers), 1)
	require.NoError(t, err)
	defer bn.stop(false)
	w, stopWatch := watchHeights(ctx, bn.rpcs[0])
	defer stopWatch()
	cctx, err := clientContext()
	require.NoError(t, err)
	sc := sustainedConfig{claimsPerTx: 10, resultsPerTx: 10}
	claims, err := setupSustained(ctx, bn, w, cctx.TxConfig, m, sc, workers, n)
	require.NoError(t, err)
	require.Equal(t, n, claims.Claims)

	const badTask = 21 // first task of worker 0's third transaction
	txs, err := signPerWorker(workers, sc.resultsPerTx, func(a *account, tasks []uint64) ([]byte, error) {
		msgs := make([]sdk.Msg, len(tasks))
		for i, id := range tasks {
			r := results[id-1]
			if id == badTask {
				r.proof = results[0].proof
			}
			msgs[i] = &tptypes.MsgSubmitResult{Worker: a.addr.String(), TaskId: r.taskID, Output: r.output, Proof: r.proof}
		}
		return signTx(cctx.TxConfig, a, gasSubmit*uint64(len(tasks)), msgs...) //nolint:gosec // G115: test counts
	})
	require.NoError(t, err)
	var first, second []loadTx
	for _, tx := range txs {
		if tx.account == 0 {
			first = append(first, tx)
		} else {
			second = append(second, tx)
		}
	}
	reads := loadReads{kind: itemResults}

	st, err := runLoad(ctx, bn, w, first, paced(0), reads)
	require.NoError(t, err)
	require.Equal(t, 10, st.Push.Accepted, "CheckTx passes every transaction on: %v", st.Push.Rejects)
	require.Equal(t, 1, st.Failed, "the transaction with the wrong proof failed in its block")
	require.Equal(t, 90, st.Completed, "its ten results are not counted")
	require.True(t, st.ReadAll, "the counter's disagreement made the bench read the blocks' results")
	require.Len(t, st.FailLogs, 1)

	st, err = runLoad(ctx, bn, w, second, paced(0), reads)
	require.NoError(t, err)
	require.Zero(t, st.Failed)
	require.Equal(t, tasksPerWorker, st.Completed)
	require.False(t, st.ReadAll, "with the counter in agreement only one block's results are read")
	require.Positive(t, st.GasPerItem)
}

// hyradForTest is $HYRAD, or hyrad built from this checkout into the test's
// temporary directory.
func hyradForTest(t *testing.T) string {
	t.Helper()
	if bin := os.Getenv("HYRAD"); bin != "" {
		return bin
	}
	bin := filepath.Join(t.TempDir(), "hyrad")
	out, err := exec.Command("go", "build", "-o", bin, "github.com/hyra-network/hyra/cmd/hyrad").CombinedOutput()
	require.NoError(t, err, "building hyrad: %s", out)
	return bin
}
