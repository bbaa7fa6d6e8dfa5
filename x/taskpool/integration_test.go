package taskpool_test

import (
	"crypto/sha256"
	"testing"
	"time"

	"cosmossdk.io/math"
	gogoproto "github.com/cosmos/gogoproto/proto"
	"github.com/stretchr/testify/require"

	sdk "github.com/cosmos/cosmos-sdk/types"
	authtypes "github.com/cosmos/cosmos-sdk/x/auth/types"
	banktypes "github.com/cosmos/cosmos-sdk/x/bank/types"
	distrkeeper "github.com/cosmos/cosmos-sdk/x/distribution/keeper"

	"github.com/hyra-network/hyra/testutil/apptest"
	mrtypes "github.com/hyra-network/hyra/x/modelregistry/types"
	rewardskeeper "github.com/hyra-network/hyra/x/rewards/keeper"
	rewardstypes "github.com/hyra-network/hyra/x/rewards/types"
	"github.com/hyra-network/hyra/x/taskpool/keeper"
	"github.com/hyra-network/hyra/x/taskpool/types"
	"github.com/hyra-network/hyra/zk/artifact"
	"github.com/hyra-network/hyra/zk/vector"
	"github.com/hyra-network/hyra/zk/zktest"
)

func hyra(n int64) sdk.Coin { return sdk.NewInt64Coin("uhyra", n*1_000_000) }

// chain is the real app with the iris model registered, one pool and two
// bonded workers.
type chain struct {
	*apptest.Env
	k       keeper.Keeper
	rewards rewardskeeper.Keeper
	distr   distrkeeper.Keeper
	prove   zktest.ProveFunc
	input   []int64

	owner, user, worker, worker2 sdk.AccAddress
	escrowAddr                   sdk.AccAddress
	poolID                       uint64
}

func newChain(t *testing.T) *chain {
	t.Helper()
	c := &chain{
		owner:      sdk.AccAddress("model_owner_________"),
		user:       sdk.AccAddress("user________________"),
		worker:     sdk.AccAddress("worker______________"),
		worker2:    sdk.AccAddress("worker_two__________"),
		escrowAddr: authtypes.NewModuleAddress(types.ModuleName),
	}
	c.Env = apptest.Setup(t, &c.k, &c.rewards, &c.distr)
	for _, a := range []sdk.AccAddress{c.owner, c.user, c.worker, c.worker2} {
		c.Fund(a, sdk.NewCoins(hyra(100)))
	}
	art, vk, prove := zktest.Iris(t)
	c.prove, c.input = prove, zktest.IrisInputs(t)[0]
	a, err := artifact.Parse(art)
	require.NoError(t, err)
	hash := sha256.Sum256(art)
	c.deliver(&mrtypes.MsgRegisterModel{
		Owner: c.owner.String(), Name: "iris", Description: "iris classifier", Price: hyra(1),
		ProofSystem: mrtypes.PROOF_SYSTEM_GROTH16, VerifyingKey: vk, Artifact: art, ArtifactHash: hash[:],
		InputSchema:  mrtypes.InputSchema{Length: uint32(a.Input.Length), MinValue: a.Input.Min, MaxValue: a.Input.Max},
		OutputLength: uint32(a.Output.Length),
	})
	res := c.deliver(&types.MsgCreateTaskPool{Creator: c.owner.String(), Name: "iris", ModelId: 1, ClaimTimeout: time.Minute})
	var created types.MsgCreateTaskPoolResponse
	require.NoError(t, gogoproto.Unmarshal(res.MsgResponses[0].Value, &created))
	c.poolID = created.PoolId
	for _, w := range []sdk.AccAddress{c.worker, c.worker2} {
		c.deliver(&types.MsgRegisterWorker{Worker: w.String()})
		c.deliver(&rewardstypes.MsgBond{Worker: w.String(), Amount: hyra(20)})
	}
	c.NextBlock(time.Second)
	return c
}

func (c *chain) deliver(msg sdk.Msg) *sdk.Result {
	c.T.Helper()
	res, err := c.Deliver(msg)
	require.NoError(c.T, err)
	return res
}

// submit submits an iris task with the given reward and time to live.
func (c *chain) submit(reward sdk.Coin, ttl time.Duration) uint64 {
	c.T.Helper()
	res := c.deliver(&types.MsgSubmitTask{
		Creator: c.user.String(), PoolId: c.poolID, Input: vector.Encode(c.input), Reward: reward,
		Deadline: c.Ctx.BlockTime().Add(ttl),
	})
	var out types.MsgSubmitTaskResponse
	require.NoError(c.T, gogoproto.Unmarshal(res.MsgResponses[0].Value, &out))
	return out.TaskId
}

func (c *chain) task(id uint64) types.Task {
	c.T.Helper()
	task, err := c.k.GetTask(c.Ctx, id)
	require.NoError(c.T, err)
	return task
}

func (c *chain) uhyra(a sdk.AccAddress) math.Int { return c.Balance(a, "uhyra").Amount }

func (c *chain) communityPool() math.LegacyDec {
	c.T.Helper()
	pool, err := c.distr.FeePool.Get(c.Ctx)
	require.NoError(c.T, err)
	return pool.CommunityPool.AmountOf("uhyra")
}

// TestTaskLifecycleOnTheRealApp runs submit -> claim -> real proof -> settle,
// a lapsed claim that is reclaimed, and a deadline refund, through the real
// app's message router and blocks, checking every balance.
func TestTaskLifecycleOnTheRealApp(t *testing.T) {
	c := newChain(t)
	require.Equal(t, math.ZeroInt(), c.uhyra(c.escrowAddr))

	// The escrow account cannot be sent coins directly.
	_, err := c.Deliver(&banktypes.MsgSend{FromAddress: c.user.String(), ToAddress: c.escrowAddr.String(), Amount: sdk.NewCoins(hyra(1))})
	require.ErrorContains(t, err, "not allowed to receive funds")

	// Submit -> claim -> prove -> settle.
	reward := hyra(5)
	userBefore := c.uhyra(c.user)
	id := c.submit(reward, time.Hour)
	require.Equal(t, userBefore.Sub(reward.Amount), c.uhyra(c.user))
	require.Equal(t, reward.Amount, c.uhyra(c.escrowAddr))
	c.NextBlock(time.Second)
	c.deliver(&types.MsgClaimTask{Worker: c.worker.String(), PoolId: c.poolID})
	require.NoError(t, c.k.CheckEscrowInvariant(c.Ctx))

	output, proof := c.prove(c.Ctx.ChainID(), id, c.worker, c.input)
	// A proof for the other worker is refused and changes nothing.
	_, err = c.Deliver(&types.MsgSubmitResult{Worker: c.worker2.String(), TaskId: id, Output: output, Proof: proof})
	require.ErrorContains(t, err, "not the task's assigned worker")

	rewardPool := authtypes.NewModuleAddress(rewardstypes.RewardPoolName)
	workerBefore, ownerBefore, poolBefore, cpBefore := c.uhyra(c.worker), c.uhyra(c.owner), c.uhyra(rewardPool), c.communityPool()
	res := c.deliver(&types.MsgSubmitResult{Worker: c.worker.String(), TaskId: id, Output: output, Proof: proof})
	var settled types.MsgSubmitResultResponse
	require.NoError(t, gogoproto.Unmarshal(res.MsgResponses[0].Value, &settled))
	require.NoError(t, c.k.CheckEscrowInvariant(c.Ctx), "within the block, the escrow account holds the deferred shares")
	require.NoError(t, c.rewards.EndBlocker(c.Ctx)) // it sends the royalty and the fee, as at the end of the block

	workerGot := c.uhyra(c.worker).Sub(workerBefore)
	ownerGot := c.uhyra(c.owner).Sub(ownerBefore)
	poolGot := c.uhyra(rewardPool).Sub(poolBefore)
	cpGot := c.communityPool().Sub(cpBefore)
	require.Equal(t, settled.WorkerReward.Amount, workerGot)
	require.True(t, workerGot.IsPositive() && ownerGot.IsPositive() && cpGot.IsPositive())
	require.Equal(t, reward.Amount.ToLegacyDec(), workerGot.Add(ownerGot).Add(poolGot).ToLegacyDec().Add(cpGot),
		"worker %s + owner %s + reward pool %s + community pool %s", workerGot, ownerGot, poolGot, cpGot)
	require.Equal(t, math.ZeroInt(), c.uhyra(c.escrowAddr))
	require.Equal(t, types.TASK_STATUS_COMPLETED, c.task(id).Status)
	result, err := keeper.NewQueryServerImpl(c.k).Result(c.Ctx, &types.QueryResultRequest{TaskId: id})
	require.NoError(t, err)
	require.Len(t, result.OutputVector, 3)
	c.NextBlock(time.Second)

	// A lapsed claim: the worker is slashed, the task reopens and another
	// worker claims and completes it.
	id2 := c.submit(hyra(2), time.Hour)
	c.deliver(&types.MsgClaimTask{Worker: c.worker.String(), PoolId: c.poolID})
	bondBefore, err := c.rewards.Bonds.Get(c.Ctx, c.worker)
	require.NoError(t, err)
	repBefore, err := c.rewards.Reputation(c.Ctx, c.worker)
	require.NoError(t, err)
	c.RunFor(time.Minute)
	require.Equal(t, types.TASK_STATUS_CLAIMED, c.task(id2).Status)
	c.NextBlock(time.Second) // this block's EndBlock runs at the claim expiry
	require.Equal(t, types.TASK_STATUS_OPEN, c.task(id2).Status)
	bondAfter, err := c.rewards.Bonds.Get(c.Ctx, c.worker)
	require.NoError(t, err)
	require.True(t, bondAfter.Bonded.IsLT(bondBefore.Bonded), "bond %s -> %s", bondBefore.Bonded, bondAfter.Bonded)
	repAfter, err := c.rewards.Reputation(c.Ctx, c.worker)
	require.NoError(t, err)
	require.Less(t, repAfter, repBefore)
	require.NoError(t, c.k.CheckEscrowInvariant(c.Ctx))

	c.deliver(&types.MsgClaimTask{Worker: c.worker2.String(), PoolId: c.poolID, TaskId: id2})
	output, proof = c.prove(c.Ctx.ChainID(), id2, c.worker2, c.input)
	c.deliver(&types.MsgSubmitResult{Worker: c.worker2.String(), TaskId: id2, Output: output, Proof: proof})
	c.NextBlock(time.Second)
	require.Equal(t, math.ZeroInt(), c.uhyra(c.escrowAddr))

	// A deadline refund.
	userBefore = c.uhyra(c.user)
	id3 := c.submit(hyra(3), 2*time.Minute)
	c.NextBlock(2 * time.Minute)
	require.Equal(t, types.TASK_STATUS_OPEN, c.task(id3).Status)
	c.NextBlock(time.Second)
	require.Equal(t, types.TASK_STATUS_EXPIRED, c.task(id3).Status)
	require.Equal(t, userBefore, c.uhyra(c.user))
	require.Equal(t, math.ZeroInt(), c.uhyra(c.escrowAddr))
	require.NoError(t, c.k.CheckEscrowInvariant(c.Ctx))

	// The module's state exports to a valid genesis.
	gs, err := c.k.ExportGenesis(c.Ctx)
	require.NoError(t, err)
	require.NoError(t, gs.Validate())
	require.Len(t, gs.Tasks, 3)
}

// TestPoolCreationFeeOnTheRealApp checks that MsgCreateTaskPool pays the
// pool_creation_fee from the creator into x/distribution's community pool,
// and that a model owner who cannot pay gets no pool.
func TestPoolCreationFeeOnTheRealApp(t *testing.T) {
	c := newChain(t)
	ownerBefore, cpBefore := c.uhyra(c.owner), c.communityPool()
	c.deliver(&types.MsgCreateTaskPool{Creator: c.owner.String(), Name: "iris-2", ModelId: 1, ClaimTimeout: time.Minute})
	fee := math.NewInt(types.DefaultPoolCreationFee)
	require.Equal(t, ownerBefore.Sub(fee), c.uhyra(c.owner))
	require.Equal(t, fee.ToLegacyDec(), c.communityPool().Sub(cpBefore))

	poor := sdk.AccAddress("poor________________")
	c.Fund(poor, sdk.NewCoins(hyra(9)))
	c.deliver(&mrtypes.MsgTransferModelOwnership{Owner: c.owner.String(), Id: 1, NewOwner: poor.String()})
	_, err := c.Deliver(&types.MsgCreateTaskPool{Creator: poor.String(), Name: "iris-3", ModelId: 1, ClaimTimeout: time.Minute})
	require.ErrorContains(t, err, "paying the pool creation fee")
	require.Equal(t, hyra(9).Amount, c.uhyra(poor))
	_, err = c.k.GetPool(c.Ctx, 3)
	require.ErrorContains(t, err, "pool not found")
}
