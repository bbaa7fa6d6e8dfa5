package adversarial

import (
	"crypto/sha256"
	"testing"
	"time"

	gogoproto "github.com/cosmos/gogoproto/proto"
	"github.com/stretchr/testify/require"

	codectypes "github.com/cosmos/cosmos-sdk/codec/types"
	sdk "github.com/cosmos/cosmos-sdk/types"
	authtypes "github.com/cosmos/cosmos-sdk/x/auth/types"
	distrkeeper "github.com/cosmos/cosmos-sdk/x/distribution/keeper"

	"github.com/hyra-network/hyra/testutil/apptest"
	mrtypes "github.com/hyra-network/hyra/x/modelregistry/types"
	rewardskeeper "github.com/hyra-network/hyra/x/rewards/keeper"
	rewardstypes "github.com/hyra-network/hyra/x/rewards/types"
	tpkeeper "github.com/hyra-network/hyra/x/taskpool/keeper"
	tptypes "github.com/hyra-network/hyra/x/taskpool/types"
	"github.com/hyra-network/hyra/zk/artifact"
	"github.com/hyra-network/hyra/zk/vector"
	"github.com/hyra-network/hyra/zk/zktest"
)

func hyra(n int64) sdk.Coin { return sdk.NewInt64Coin("uhyra", n*1_000_000) }

// fixture is the real app with the iris model registered (price 1 HYRA),
// one pool with a one-minute claim timeout, two registered and bonded
// workers, a client and an account that workers may grant authz to.
type fixture struct {
	*apptest.Env
	tp       tpkeeper.Keeper
	rewards  rewardskeeper.Keeper
	distr    distrkeeper.Keeper
	registry codectypes.InterfaceRegistry
	prove    zktest.ProveFunc
	input    []int64

	owner, user, worker, worker2, grantee sdk.AccAddress
	escrow                                sdk.AccAddress
	modelID, poolID                       uint64
}

func newFixture(t testing.TB) *fixture {
	t.Helper()
	f := &fixture{
		owner:   sdk.AccAddress("model_owner_________"),
		user:    sdk.AccAddress("user________________"),
		worker:  sdk.AccAddress("worker______________"),
		worker2: sdk.AccAddress("worker_two__________"),
		grantee: sdk.AccAddress("grantee_____________"),
		escrow:  authtypes.NewModuleAddress(tptypes.ModuleName),
	}
	f.Env = apptest.Setup(t, &f.tp, &f.rewards, &f.distr, &f.registry)
	for _, a := range []sdk.AccAddress{f.owner, f.user, f.worker, f.worker2, f.grantee} {
		f.Fund(a, sdk.NewCoins(hyra(100)))
	}
	_, _, f.prove = zktest.Iris(t)
	f.input = zktest.IrisInputs(t)[0]
	f.modelID = f.registerIris(hyra(1))
	f.poolID = f.createPool(time.Minute)
	for _, w := range []sdk.AccAddress{f.worker, f.worker2} {
		f.mustDeliver(&tptypes.MsgRegisterWorker{Worker: w.String()})
		f.mustDeliver(&rewardstypes.MsgBond{Worker: w.String(), Amount: hyra(20)})
	}
	f.NextBlock(time.Second)
	return f
}

// registerMsg is the registration of the iris model by the owner.
func (f *fixture) registerMsg(price sdk.Coin) *mrtypes.MsgRegisterModel {
	art, vk, _ := zktest.Iris(f.T)
	a, err := artifact.Parse(art)
	require.NoError(f.T, err)
	hash := sha256.Sum256(art)
	return &mrtypes.MsgRegisterModel{
		Owner: f.owner.String(), Name: "iris", Description: "iris classifier", Price: price,
		ProofSystem: mrtypes.PROOF_SYSTEM_GROTH16, VerifyingKey: vk, Artifact: art, ArtifactHash: hash[:],
		InputSchema:  mrtypes.InputSchema{Length: uint32(a.Input.Length), MinValue: a.Input.Min, MaxValue: a.Input.Max},
		OutputLength: uint32(a.Output.Length),
	}
}

func (f *fixture) registerIris(price sdk.Coin) uint64 {
	var out mrtypes.MsgRegisterModelResponse
	f.deliverInto(f.registerMsg(price), &out)
	return out.Id
}

func (f *fixture) createPoolFor(modelID uint64, claimTimeout time.Duration) uint64 {
	var out tptypes.MsgCreateTaskPoolResponse
	f.deliverInto(&tptypes.MsgCreateTaskPool{Creator: f.owner.String(), Name: "iris", ModelId: modelID, ClaimTimeout: claimTimeout}, &out)
	return out.PoolId
}

func (f *fixture) createPool(claimTimeout time.Duration) uint64 {
	return f.createPoolFor(f.modelID, claimTimeout)
}

// submitTo submits a task of the user to a pool with the fixture's input.
func (f *fixture) submitTo(poolID uint64, reward sdk.Coin, ttl time.Duration) uint64 {
	var out tptypes.MsgSubmitTaskResponse
	f.deliverInto(&tptypes.MsgSubmitTask{
		Creator: f.user.String(), PoolId: poolID, Input: vector.Encode(f.input), Reward: reward,
		Deadline: f.Ctx.BlockTime().Add(ttl),
	}, &out)
	return out.TaskId
}

// submit submits a task of 2 HYRA, due in an hour, to the fixture's pool.
func (f *fixture) submit() uint64 { return f.submitTo(f.poolID, hyra(2), time.Hour) }

func (f *fixture) claim(worker sdk.AccAddress, taskID uint64) {
	task, err := f.tp.GetTask(f.Ctx, taskID)
	require.NoError(f.T, err)
	f.mustDeliver(&tptypes.MsgClaimTask{Worker: worker.String(), PoolId: task.PoolId, TaskId: taskID})
}

// result is the result message of worker for a task, proven for
// (chain id, task id, prover).
func (f *fixture) result(worker sdk.AccAddress, taskID uint64, chainID string, prover sdk.AccAddress) *tptypes.MsgSubmitResult {
	output, proof := f.prove(chainID, taskID, prover, f.input)
	return &tptypes.MsgSubmitResult{Worker: worker.String(), TaskId: taskID, Output: output, Proof: proof}
}

// honestResult is the result worker would submit for a task it claimed.
func (f *fixture) honestResult(worker sdk.AccAddress, taskID uint64) *tptypes.MsgSubmitResult {
	return f.result(worker, taskID, f.Ctx.ChainID(), worker)
}

func (f *fixture) task(id uint64) tptypes.Task {
	task, err := f.tp.GetTask(f.Ctx, id)
	require.NoError(f.T, err)
	return task
}

func (f *fixture) mustDeliver(msg sdk.Msg) *sdk.Result {
	f.T.Helper()
	res, err := f.Deliver(msg)
	require.NoError(f.T, err)
	return res
}

func (f *fixture) deliverInto(msg sdk.Msg, out gogoproto.Message) {
	f.T.Helper()
	res := f.mustDeliver(msg)
	require.NoError(f.T, gogoproto.Unmarshal(res.MsgResponses[0].Value, out))
}

// requireEscrowInvariant checks that the escrow account holds exactly the
// OPEN and CLAIMED escrows.
func (f *fixture) requireEscrowInvariant(ctx sdk.Context) {
	f.T.Helper()
	require.NoError(f.T, f.tp.CheckEscrowInvariant(ctx))
}
