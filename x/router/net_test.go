package router_test

import (
	"crypto/sha256"
	"testing"
	"time"

	gogoproto "github.com/cosmos/gogoproto/proto"
	"github.com/stretchr/testify/require"

	sdk "github.com/cosmos/cosmos-sdk/types"

	"github.com/hyra-network/hyra/testutil/apptest"
	mrtypes "github.com/hyra-network/hyra/x/modelregistry/types"
	rwkeeper "github.com/hyra-network/hyra/x/rewards/keeper"
	rewardstypes "github.com/hyra-network/hyra/x/rewards/types"
	"github.com/hyra-network/hyra/x/router/keeper"
	"github.com/hyra-network/hyra/x/router/types"
	tpkeeper "github.com/hyra-network/hyra/x/taskpool/keeper"
	tptypes "github.com/hyra-network/hyra/x/taskpool/types"
	"github.com/hyra-network/hyra/zk/artifact"
	"github.com/hyra-network/hyra/zk/vector"
	"github.com/hyra-network/hyra/zk/zktest"
)

func hyra(n int64) sdk.Coin { return sdk.NewInt64Coin("uhyra", n*1_000_000) }

// net is the real app with the iris model registered (id 1) and two bonded
// workers.
type net struct {
	*apptest.Env
	taskpool tpkeeper.Keeper
	rewards  rwkeeper.Keeper
	queries  types.QueryServer
	prove    zktest.ProveFunc
	input    []byte

	owner, user, worker, worker2 sdk.AccAddress
}

func newNet(t *testing.T) *net {
	t.Helper()
	n := &net{
		owner:   sdk.AccAddress("model_owner_________"),
		user:    sdk.AccAddress("user________________"),
		worker:  sdk.AccAddress("worker______________"),
		worker2: sdk.AccAddress("worker_two__________"),
	}
	var rk keeper.Keeper
	n.Env = apptest.Setup(t, &n.taskpool, &rk, &n.rewards)
	n.queries = keeper.NewQueryServerImpl(rk)
	for _, a := range []sdk.AccAddress{n.owner, n.user, n.worker, n.worker2} {
		n.Fund(a, sdk.NewCoins(hyra(1000)))
	}
	art, vk, prove := zktest.Iris(t)
	n.prove, n.input = prove, vector.Encode(zktest.IrisInputs(t)[0])
	a, err := artifact.Parse(art)
	require.NoError(t, err)
	hash := sha256.Sum256(art)
	n.deliver(&mrtypes.MsgRegisterModel{
		Owner: n.owner.String(), Name: "iris", Description: "iris classifier", Price: hyra(1),
		ProofSystem: mrtypes.PROOF_SYSTEM_GROTH16, VerifyingKey: vk, Artifact: art, ArtifactHash: hash[:],
		InputSchema:  mrtypes.InputSchema{Length: uint32(a.Input.Length), MinValue: a.Input.Min, MaxValue: a.Input.Max},
		OutputLength: uint32(a.Output.Length),
	})
	for _, w := range []sdk.AccAddress{n.worker, n.worker2} {
		n.deliver(&tptypes.MsgRegisterWorker{Worker: w.String()})
		n.deliver(&rewardstypes.MsgBond{Worker: w.String(), Amount: hyra(20)})
	}
	n.NextBlock(time.Second)
	return n
}

func (n *net) deliver(msg sdk.Msg) *sdk.Result {
	n.T.Helper()
	res, err := n.Deliver(msg)
	require.NoError(n.T, err)
	return res
}

// route routes an iris task with the given reward and returns the response.
func (n *net) route(reward sdk.Coin) types.MsgRouteTaskResponse {
	n.T.Helper()
	res := n.deliver(&types.MsgRouteTask{
		Creator: n.user.String(), ModelId: 1, Input: n.input, Reward: reward, Deadline: n.Ctx.BlockTime().Add(time.Hour),
	})
	var out types.MsgRouteTaskResponse
	require.NoError(n.T, gogoproto.Unmarshal(res.MsgResponses[0].Value, &out))
	return out
}

func (n *net) claimBest(worker sdk.AccAddress, modelID uint64) (types.MsgClaimBestResponse, error) {
	n.T.Helper()
	res, err := n.Deliver(&types.MsgClaimBest{Worker: worker.String(), ModelId: modelID})
	if err != nil {
		return types.MsgClaimBestResponse{}, err
	}
	var out types.MsgClaimBestResponse
	require.NoError(n.T, gogoproto.Unmarshal(res.MsgResponses[0].Value, &out))
	return out, nil
}

// createPool creates an iris pool (paying the pool creation fee) that
// requires reputation minRep and returns its id.
func (n *net) createPool(name string, minRep int64) uint64 {
	n.T.Helper()
	res := n.deliver(&tptypes.MsgCreateTaskPool{Creator: n.owner.String(), Name: name, ModelId: 1, ClaimTimeout: time.Minute, MinReputation: minRep})
	var out tptypes.MsgCreateTaskPoolResponse
	require.NoError(n.T, gogoproto.Unmarshal(res.MsgResponses[0].Value, &out))
	return out.PoolId
}

// submit submits an iris task with a one-hour deadline to a pool.
func (n *net) submit(poolID uint64, reward sdk.Coin) uint64 {
	n.T.Helper()
	res := n.deliver(&tptypes.MsgSubmitTask{Creator: n.user.String(), PoolId: poolID, Input: n.input, Reward: reward, Deadline: n.Ctx.BlockTime().Add(time.Hour)})
	var out tptypes.MsgSubmitTaskResponse
	require.NoError(n.T, gogoproto.Unmarshal(res.MsgResponses[0].Value, &out))
	return out.TaskId
}

func taskIDs(tasks []tptypes.Task) []uint64 {
	ids := make([]uint64, len(tasks))
	for i, t := range tasks {
		ids[i] = t.Id
	}
	return ids
}
