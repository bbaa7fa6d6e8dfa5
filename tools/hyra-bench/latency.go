package main

import (
	"context"
	"encoding/hex"
	"fmt"
	"io"
	"log/slog"
	"os"
	"sync"
	"time"

	rpchttp "github.com/cometbft/cometbft/rpc/client/http"

	sdkclient "github.com/cosmos/cosmos-sdk/client"
	clienttx "github.com/cosmos/cosmos-sdk/client/tx"
	"github.com/cosmos/cosmos-sdk/crypto/keyring"
	sdk "github.com/cosmos/cosmos-sdk/types"
	"github.com/cosmos/cosmos-sdk/types/tx/signing"

	"github.com/hyra-network/hyra/testutil/localnet"
	"github.com/hyra-network/hyra/worker"
	rewardstypes "github.com/hyra-network/hyra/x/rewards/types"
	routertypes "github.com/hyra-network/hyra/x/router/types"
	tptypes "github.com/hyra-network/hyra/x/taskpool/types"
)

// The latency run: latencyWorkerCount worker daemons (package worker, the
// code behind `hyrad worker start`, in this process) serve tasks that a
// client routes one every latencyInterval, well below what the workers can
// take, so that the figure is the flow's latency and not a queue.
const (
	latencyWorkerCount = 4
	latencyInterval    = 700 * time.Millisecond
)

// latencyFigures are task routed -> verified result committed, as a client
// polling the node every 20 ms sees both commits.
type latencyFigures struct {
	Tasks, Completed int
	Median, P99, Max time.Duration
	BlockInterval    time.Duration // mean time between commits during the run
}

// measureLatency runs the worker daemons, routes n tasks and times each.
func measureLatency(ctx context.Context, cfg config, bn *benchNet, base sdkclient.Context, m *model, client *account, n int) (latencyFigures, error) {
	f := latencyFigures{Tasks: n}
	step("latency: %d worker daemons, %d tasks routed one every %s", latencyWorkerCount, n, latencyInterval)
	node := bn.net.Nodes[0]
	wctx, cancel := context.WithCancel(ctx)
	var wg sync.WaitGroup
	defer func() { cancel(); wg.Wait() }()
	logOut := io.Discard
	if cfg.verbose {
		logOut = os.Stdout
	}
	var queries []sdkclient.Context
	for i := range latencyWorkerCount {
		a := latencyWorker(i)
		cctx, txf, err := workerContext(base, node, a)
		if err != nil {
			return f, err
		}
		w, err := worker.New(cctx, txf, worker.Config{KeysDir: m.keysDir, PollInterval: time.Second},
			slog.New(slog.NewTextHandler(logOut, nil)).With("worker", i))
		if err != nil {
			return f, err
		}
		wg.Add(1)
		go func() { defer wg.Done(); _ = w.Run(wctx) }()
		queries = append(queries, cctx)
	}
	if err := waitBonded(ctx, queries); err != nil {
		return f, err
	}

	rpc := bn.rpcs[0]
	tw, stopWatch := watchTasks(ctx, rpc)
	defer stopWatch()
	deadline := time.Now().Add(2 * time.Hour).UTC()
	for j := range n {
		input, encoding := tptypes.EncodeCompact(m.inputs[j%len(m.inputs)])
		msg := &routertypes.MsgRouteTask{
			Creator: client.addr.String(), ModelId: modelID,
			Input: input, InputEncoding: encoding, Reward: sdk.NewInt64Coin(denom, taskReward), Deadline: deadline,
		}
		tx, err := signTx(base.TxConfig, client, gasRoutePerTask, msg)
		if err != nil {
			return f, err
		}
		outs, err := rpc.broadcastBatch(ctx, [][]byte{tx})
		if err != nil || !outs[0].OK {
			return f, fmt.Errorf("route task %d: %w %+v", j, err, outs)
		}
		select {
		case <-ctx.Done():
			return f, ctx.Err()
		case <-time.After(latencyInterval):
		}
	}
	lat, interval, err := tw.wait(ctx, n, time.Minute)
	f.Completed, f.BlockInterval = len(lat), interval
	f.Median, f.P99, f.Max = percentile(lat, 50), percentile(lat, 99), percentile(lat, 100)
	step("  %d/%d completed: latency median %s, p99 %s, max %s; blocks every %s",
		f.Completed, n, f.Median.Round(time.Millisecond), f.P99.Round(time.Millisecond), f.Max.Round(time.Millisecond), interval.Round(time.Millisecond))
	return f, err
}

// workerContext is a client context and tx factory for a worker daemon
// signing with account a against node: what `hyrad worker start` builds from
// its flags, with an in-memory keyring.
func workerContext(base sdkclient.Context, node *localnet.Node, a *account) (sdkclient.Context, clienttx.Factory, error) {
	kr := keyring.NewInMemory(base.Codec)
	if err := kr.ImportPrivKeyHex(a.name, hex.EncodeToString(a.priv.Key), "secp256k1"); err != nil {
		return base, clienttx.Factory{}, err
	}
	rpc, err := rpchttp.New(node.RPCAddr(), "/websocket")
	if err != nil {
		return base, clienttx.Factory{}, err
	}
	cctx := base.WithClient(rpc).WithNodeURI(node.RPCAddr()).WithChainID(benchChainID).WithKeyring(kr).
		WithFromAddress(a.addr).WithFromName(a.name).WithBroadcastMode("sync").WithSkipConfirmation(true).
		WithOutput(io.Discard)
	txf := clienttx.Factory{}.WithChainID(benchChainID).WithKeybase(kr).WithTxConfig(cctx.TxConfig).
		WithAccountRetriever(cctx.AccountRetriever).WithSignMode(signing.SignMode_SIGN_MODE_DIRECT).
		WithFromName(a.name).WithSimulateAndExecute(true).WithGasAdjustment(1.5)
	return cctx, txf, nil
}

// waitBonded waits until every worker has registered and bonded.
func waitBonded(ctx context.Context, workers []sdkclient.Context) error {
	ctx, cancel := context.WithTimeout(ctx, time.Minute)
	defer cancel()
	for _, w := range workers {
		q := rewardstypes.NewQueryClient(w)
		for {
			res, err := q.Bond(ctx, &rewardstypes.QueryBondRequest{Worker: w.GetFromAddress().String()})
			if err == nil && !res.Bond.Bonded.IsNil() && res.Bond.Bonded.Amount.Int64() >= rewardstypes.DefaultMinWorkerBond {
				break
			}
			select {
			case <-ctx.Done():
				return fmt.Errorf("worker %s not bonded: %w", w.GetFromAddress(), err)
			case <-time.After(200 * time.Millisecond):
			}
		}
	}
	return nil
}

// taskWatcher follows committed blocks and notes when each task was seen
// routed and completed.
type taskWatcher struct {
	mu        sync.Mutex
	routed    map[uint64]time.Time
	completed map[uint64]time.Time
	commits   []time.Time
	done      chan struct{}
}

func watchTasks(ctx context.Context, rpc *rpcClient) (*taskWatcher, func()) {
	w := &taskWatcher{routed: map[uint64]time.Time{}, completed: map[uint64]time.Time{}, done: make(chan struct{})}
	ctx, cancel := context.WithCancel(ctx)
	go func() {
		defer close(w.done)
		last, _ := rpc.height(ctx)
		for ctx.Err() == nil {
			if h, err := rpc.height(ctx); err == nil && h > last {
				now := time.Now()
				for x := last + 1; x <= h; x++ {
					sub, comp, err := rpc.taskEvents(ctx, x)
					if err != nil {
						break
					}
					w.mu.Lock()
					for _, id := range sub {
						w.routed[id] = now
					}
					for _, id := range comp {
						w.completed[id] = now
					}
					w.commits = append(w.commits, now)
					w.mu.Unlock()
					last = x
				}
			}
			select {
			case <-ctx.Done():
			case <-time.After(20 * time.Millisecond):
			}
		}
	}()
	return w, func() { cancel(); <-w.done }
}

// wait waits until the n routed tasks are completed (or timeout) and returns
// their latencies and the mean interval between commits.
func (w *taskWatcher) wait(ctx context.Context, n int, timeout time.Duration) ([]time.Duration, time.Duration, error) {
	end := time.Now().Add(timeout)
	for {
		w.mu.Lock()
		var lat []time.Duration
		for id, r := range w.routed {
			if c, ok := w.completed[id]; ok {
				lat = append(lat, c.Sub(r))
			}
		}
		var interval time.Duration
		if k := len(w.commits); k > 1 {
			interval = w.commits[k-1].Sub(w.commits[0]) / time.Duration(k-1)
		}
		routed := len(w.routed)
		w.mu.Unlock()
		if routed >= n && len(lat) >= routed {
			return lat, interval, nil
		}
		if time.Now().After(end) || ctx.Err() != nil {
			return lat, interval, fmt.Errorf("%d of %d routed tasks completed within %s", len(lat), routed, timeout)
		}
		time.Sleep(100 * time.Millisecond)
	}
}
