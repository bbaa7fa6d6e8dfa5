package main

import (
	"context"
	"fmt"
	"time"

	sdkclient "github.com/cosmos/cosmos-sdk/client"
	sdk "github.com/cosmos/cosmos-sdk/types"

	mrtypes "github.com/hyra-network/hyra/x/modelregistry/types"
	rewardstypes "github.com/hyra-network/hyra/x/rewards/types"
	routertypes "github.com/hyra-network/hyra/x/router/types"
	tptypes "github.com/hyra-network/hyra/x/taskpool/types"
)

// On a fresh chain the registered model is model 1 and RouteTask creates
// pool 1 for it, then keeps routing there (the only pool of the model).
const (
	modelID    = 1
	poolID     = 1
	taskReward = 1000 // uhyra, the model's price
	routeBatch = 100  // MsgRouteTask per client transaction
)

// Gas limits of the bench's transactions: generous, since fees are zero;
// the figures report the gas actually used.
const (
	gasRegisterModel = 10_000_000
	gasWorkerSetup   = 500_000
	gasRoutePerTask  = 300_000
	gasClaim         = 400_000
	gasSubmit        = 600_000
)

// phase pushes txs, waits until they are committed and checks that every one
// succeeded.
func phase(ctx context.Context, bn *benchNet, name string, txs [][]byte, opt pushOptions) error {
	start := time.Now()
	h0, err := bn.rpcs[0].height(ctx)
	if err != nil {
		return err
	}
	st, err := push(ctx, bn.rpcs, txs, opt)
	if err != nil {
		return fmt.Errorf("%s: %w", name, err)
	}
	if st.Rejected > 0 {
		return fmt.Errorf("%s: %d of %d transactions refused in CheckTx, e.g. %v", name, st.Rejected, len(txs), st.Rejects)
	}
	h1, err := waitDrained(ctx, bn.rpcs)
	if err != nil {
		return fmt.Errorf("%s: %w", name, err)
	}
	blocks, fails, err := scanBlocks(ctx, bn.rpcs[0], h0+1, h1, nil)
	if err != nil {
		return err
	}
	ok := 0
	for _, b := range blocks {
		ok += b.OK
	}
	if len(fails) > 0 || ok < len(txs) {
		return fmt.Errorf("%s: %d of %d transactions succeeded; failures: %v", name, ok, len(txs), fails)
	}
	step("  %s: %d transactions in %s", name, len(txs), time.Since(start).Round(100*time.Millisecond))
	return nil
}

// setupTasks brings a fresh chain to n claimed tasks, task i+1 held by
// throughput worker i: the owner registers the digits model, every worker
// registers and bonds, the client routes n tasks, every worker claims its
// task. Each step is real transactions, signed offline.
func setupTasks(ctx context.Context, bn *benchNet, txCfg sdkclient.TxConfig, m *model, owner, client *account, workers []*account, n int) error {
	reg, err := signTx(txCfg, owner, gasRegisterModel, registerModelMsg(m, owner))
	if err != nil {
		return err
	}
	if err := phase(ctx, bn, "register the digits model", [][]byte{reg}, pushOptions{1, 1}); err != nil {
		return err
	}
	bond := sdk.NewInt64Coin(denom, rewardstypes.DefaultMinWorkerBond)
	txs, err := signEach(txCfg, workers, gasWorkerSetup, func(i int) []sdk.Msg {
		w := workers[i].addr.String()
		return []sdk.Msg{&tptypes.MsgRegisterWorker{Worker: w}, &rewardstypes.MsgBond{Worker: w, Amount: bond}}
	})
	if err != nil {
		return err
	}
	if err := phase(ctx, bn, "register and bond workers", txs, pushOptions{8, maxBatch}); err != nil {
		return err
	}
	deadline := time.Now().Add(2 * time.Hour).UTC()
	txs = nil
	for lo := 1; lo <= n; lo += routeBatch {
		var msgs []sdk.Msg
		for id := lo; id < lo+routeBatch && id <= n; id++ {
			input, encoding := tptypes.EncodeCompact(taskInput(m, uint64(id)))
			msgs = append(msgs, &routertypes.MsgRouteTask{
				Creator: client.addr.String(), ModelId: modelID, Input: input, InputEncoding: encoding,
				Reward: sdk.NewInt64Coin(denom, taskReward), Deadline: deadline,
			})
		}
		tx, err := signTx(txCfg, client, gasRoutePerTask*uint64(len(msgs)), msgs...)
		if err != nil {
			return err
		}
		txs = append(txs, tx)
	}
	// One goroutine: the client's transactions must arrive in sequence order.
	if err := phase(ctx, bn, "route tasks", txs, pushOptions{1, maxBatch}); err != nil {
		return err
	}
	txs, err = signEach(txCfg, workers, gasClaim, func(i int) []sdk.Msg {
		return []sdk.Msg{&tptypes.MsgClaimTask{Worker: workers[i].addr.String(), PoolId: poolID, TaskId: uint64(i + 1)}} //nolint:gosec // G115: benchmark counts and ids, far below the type limits
	})
	if err != nil {
		return err
	}
	return phase(ctx, bn, "claim tasks", txs, pushOptions{8, maxBatch})
}

// registerModelMsg registers the bench's model at its price.
func registerModelMsg(m *model, owner *account) *mrtypes.MsgRegisterModel {
	return &mrtypes.MsgRegisterModel{
		Owner: owner.addr.String(), Name: m.name, Description: m.name + " (bench)",
		Price: sdk.NewInt64Coin(denom, taskReward), ProofSystem: mrtypes.PROOF_SYSTEM_GROTH16,
		VerifyingKey: m.vk, Artifact: m.artifactBytes, ArtifactHash: m.hash[:],
		InputSchema: mrtypes.InputSchema{
			Length: uint32(m.artifact.Input.Length), MinValue: m.artifact.Input.Min, MaxValue: m.artifact.Input.Max, //nolint:gosec // G115: benchmark counts and ids, far below the type limits
		},
		OutputLength: uint32(m.artifact.Output.Length), //nolint:gosec // G115: benchmark counts and ids, far below the type limits
	}
}
