package main

import (
	"context"
	"fmt"
	"runtime"
	"sync"
	"time"

	sdkclient "github.com/cosmos/cosmos-sdk/client"
	sdk "github.com/cosmos/cosmos-sdk/types"

	rewardstypes "github.com/hyra-network/hyra/x/rewards/types"
	routertypes "github.com/hyra-network/hyra/x/router/types"
	tptypes "github.com/hyra-network/hyra/x/taskpool/types"
)

// sustainedClaimTimeout is the claim timeout of the sustained mode's pool:
// every task is claimed during the set-up, well before its result is
// offered, and no claim may lapse meanwhile.
const sustainedClaimTimeout = time.Hour

// claimFigures are the set-up's claim phase: every task claimed by its
// worker, claimsPerTx MsgClaimTask to a transaction, as fast as the node
// takes them.
type claimFigures struct {
	Claims, PerTx int
	Took          time.Duration // first broadcast to the block of the last claim seen
	Rate          float64       // claims committed per second
}

// setupSustained brings a fresh chain to n claimed tasks, tasksPerWorker to a
// worker: the owner registers the model and creates its pool, the workers
// register and bond, the client routes the tasks, and every worker claims
// its tasks, claimsPerTx to a transaction (timed).
func setupSustained(ctx context.Context, bn *benchNet, w *heightWatcher, txCfg sdkclient.TxConfig, m *model, sc sustainedConfig, workers []*account, n int) (claimFigures, error) {
	owner, client := ownerAccount(), clientAccount()
	pool := &tptypes.MsgCreateTaskPool{Creator: owner.addr.String(), Name: "bench", ModelId: modelID, ClaimTimeout: sustainedClaimTimeout}
	reg, err := signTx(txCfg, owner, gasRegisterModel, registerModelMsg(m, owner), pool)
	if err != nil {
		return claimFigures{}, err
	}
	if err := phase(ctx, bn, "register the model and its pool", [][]byte{reg}, pushOptions{1, 1}); err != nil {
		return claimFigures{}, err
	}
	bond := sdk.NewInt64Coin(denom, rewardstypes.DefaultMinWorkerBond)
	txs, err := signEach(txCfg, workers, gasWorkerSetup, func(i int) []sdk.Msg {
		a := workers[i].addr.String()
		return []sdk.Msg{&tptypes.MsgRegisterWorker{Worker: a}, &rewardstypes.MsgBond{Worker: a, Amount: bond}}
	})
	if err != nil {
		return claimFigures{}, err
	}
	if err := phase(ctx, bn, "register and bond workers", txs, pushOptions{8, maxBatch}); err != nil {
		return claimFigures{}, err
	}
	routes, err := routeTxs(txCfg, m, client, n)
	if err != nil {
		return claimFigures{}, err
	}
	if err := phase(ctx, bn, "route tasks", routes, pushOptions{1, maxBatch}); err != nil {
		return claimFigures{}, err
	}
	if sc.unordered {
		signUnordered(workers)
	}
	claims, err := signPerWorker(workers, sc.claimsPerTx, func(a *account, tasks []uint64) ([]byte, error) {
		msgs := make([]sdk.Msg, len(tasks))
		for i, id := range tasks {
			msgs[i] = &tptypes.MsgClaimTask{Worker: a.addr.String(), PoolId: poolID, TaskId: id}
		}
		return signTx(txCfg, a, gasClaim*m.gasFactor*uint64(len(tasks)), msgs...) //nolint:gosec // G115: benchmark counts and ids, far below the type limits
	})
	if err != nil {
		return claimFigures{}, err
	}
	step("  claim tasks: %d claims, %d to a transaction", n, sc.claimsPerTx)
	st, err := runLoad(ctx, bn, w, claims, paced(0), loadReads{kind: itemClaims, readAll: sc.readAll})
	if err != nil {
		return claimFigures{}, fmt.Errorf("claims: %w", err)
	}
	if st.Claimed != n || st.Failed > 0 || st.Push.Rejected > 0 {
		return claimFigures{}, fmt.Errorf("claims: %d of %d tasks claimed; %d transactions failed, %d refused: %v %v",
			st.Claimed, n, st.Failed, st.Push.Rejected, st.FailLogs, st.Push.Rejects)
	}
	f := claimFigures{Claims: n, PerTx: sc.claimsPerTx, Took: st.Span}
	f.Rate = float64(n) / f.Took.Seconds()
	step("  %d claims committed in %s: %.0f claims/s", n, f.Took.Round(10*time.Millisecond), f.Rate)
	return f, nil
}

// routeTxs are the client's transactions routing tasks 1..n, routeBatch to a
// transaction.
func routeTxs(txCfg sdkclient.TxConfig, m *model, client *account, n int) ([][]byte, error) {
	deadline := time.Now().Add(2 * time.Hour).UTC()
	var txs [][]byte
	for lo := 1; lo <= n; lo += routeBatch {
		var msgs []sdk.Msg
		for id := lo; id < lo+routeBatch && id <= n; id++ {
			input, encoding := tptypes.EncodeCompact(taskInput(m, uint64(id))) //nolint:gosec // G115: benchmark counts and ids, far below the type limits
			msgs = append(msgs, &routertypes.MsgRouteTask{
				Creator: client.addr.String(), ModelId: modelID, Input: input, InputEncoding: encoding,
				Reward: sdk.NewInt64Coin(denom, taskReward), Deadline: deadline,
			})
		}
		tx, err := signTx(txCfg, client, gasRoutePerTask*m.gasFactor*uint64(len(msgs)), msgs...)
		if err != nil {
			return nil, err
		}
		txs = append(txs, tx)
	}
	return txs, nil
}

// signPerWorker signs, for every worker, its tasksPerWorker tasks in
// transactions of perTx, in sequence order, and returns them round by round
// (every worker's first transaction, then every worker's second...), the
// order in which they are offered.
func signPerWorker(workers []*account, perTx int, sign func(a *account, tasks []uint64) ([]byte, error)) ([]loadTx, error) {
	rounds := tasksPerWorker / perTx
	out := make([]loadTx, rounds*len(workers))
	errs := make([]error, runtime.NumCPU())
	var wg sync.WaitGroup
	for g := range errs {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for j := g; j < len(workers) && errs[g] == nil; j += len(errs) {
				for r := range rounds {
					first := uint64(j*tasksPerWorker + r*perTx + 1) //nolint:gosec // G115: benchmark counts and ids, far below the type limits
					tasks := make([]uint64, perTx)
					for k := range tasks {
						tasks[k] = first + uint64(k) //nolint:gosec // G115: benchmark counts and ids, far below the type limits
					}
					bz, err := sign(workers[j], tasks)
					if err != nil {
						errs[g] = fmt.Errorf("%s: %w", workers[j].name, err)
						break
					}
					out[r*len(workers)+j] = loadTx{bytes: bz, account: j, tasks: tasks}
				}
			}
		}()
	}
	wg.Wait()
	for _, err := range errs {
		if err != nil {
			return nil, err
		}
	}
	return out, nil
}
