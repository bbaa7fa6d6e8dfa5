package app_test

import (
	"crypto/sha256"
	"testing"
	"time"

	"github.com/stretchr/testify/require"

	"github.com/cosmos/cosmos-sdk/testutil/sims"
	sdk "github.com/cosmos/cosmos-sdk/types"

	"github.com/hyra-network/hyra/app"
	rewardstypes "github.com/hyra-network/hyra/x/rewards/types"
	routertypes "github.com/hyra-network/hyra/x/router/types"
	tptypes "github.com/hyra-network/hyra/x/taskpool/types"
	"github.com/hyra-network/hyra/zk/vector"
	"github.com/hyra-network/hyra/zk/zktest"
)

// taskGas is the gas a task's transactions used on chain, from routing to
// the result, and the result's gas in CheckTx.
type taskGas struct {
	route, claim, result, resultCheckTx int64
}

// taskGasWithArtifact runs one iris task to completion on a new chain on
// which the iris model is registered with art as its artifact, and returns
// what each step cost.
func taskGasWithArtifact(t *testing.T, art []byte) taskGas {
	t.Helper()
	owner, client, worker := newSigner("owner"), newSigner("client"), newSigner("worker")
	c := newABCIChain(t, sims.AppOptionsMap{}, owner, client, worker)
	_, _, prove := zktest.Iris(t)
	reg := registerIris(t, owner, sdk.NewInt64Coin(app.BondDenom, 1000))
	hash := sha256.Sum256(art)
	reg.Artifact, reg.ArtifactHash = art, hash[:]
	c.deliver(c.signWithGas(owner, 60_000_000, reg))

	w := worker.addr.String()
	input := zktest.IrisInputs(t)[0]
	var gas taskGas
	res := c.deliver(
		c.sign(client, &routertypes.MsgRouteTask{
			Creator: client.addr.String(), ModelId: 1, Input: vector.Encode(input), Reward: reg.Price, Deadline: c.time.Add(time.Hour),
		}),
		c.sign(worker, &tptypes.MsgRegisterWorker{Worker: w},
			&rewardstypes.MsgBond{Worker: w, Amount: sdk.NewInt64Coin(app.BondDenom, rewardstypes.DefaultMinWorkerBond)}),
	)
	gas.route = res[0].GasUsed
	gas.claim = c.deliver(c.sign(worker, &tptypes.MsgClaimTask{Worker: w, PoolId: 1, TaskId: 1}))[0].GasUsed

	out, proof := prove(testChainID, 1, worker.addr, input)
	result := c.sign(worker, &tptypes.MsgSubmitResult{Worker: w, TaskId: 1, Output: out, Proof: proof})
	check := c.checkTx(result)
	require.Zero(t, check.Code, check.Log)
	gas.resultCheckTx = check.GasUsed
	gas.result = c.deliver(result)[0].GasUsed
	return gas
}

// TestTaskGasIgnoresArtifactSize: a model version's artifact (up to
// max_artifact_size) is stored apart from what tasks and results read, so
// a task of a version whose artifact is 400 KB larger costs exactly the same
// gas, in CheckTx and in the block. (The KV store charges 3 gas per byte
// read: reading the artifact with the version cost 1.2 M gas per result.)
func TestTaskGasIgnoresArtifactSize(t *testing.T) {
	irisArt, _, _ := zktest.Iris(t)
	small := taskGasWithArtifact(t, irisArt)
	large := taskGasWithArtifact(t, zktest.Padded(irisArt, 400_000))
	t.Logf("gas with the %d-byte iris artifact: %+v", len(irisArt), small)
	require.Equal(t, small, large)
	require.Positive(t, small.result)
}
