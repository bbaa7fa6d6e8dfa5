package keeper

import (
	"testing"

	"cosmossdk.io/collections"
	"cosmossdk.io/collections/indexes"
	"cosmossdk.io/core/address"
	corestore "cosmossdk.io/core/store"
	"github.com/stretchr/testify/require"

	"github.com/cosmos/cosmos-sdk/codec"
	sdk "github.com/cosmos/cosmos-sdk/types"

	"github.com/hyra-network/hyra/x/taskpool/types"
)

// taskIndexes are index.go's task indexes declared for a collections.IndexedMap, as
// BenchmarkTaskIndexes measures them. A Multi index holds an entry for every task and computes
// it from the task alone, so the indexes index.go keeps for some statuses only (the open-task
// reward indexes, the claim and deadline queues) lead with the status or a flag here, and the
// reputation bucket of a task's pool must come from somewhere other than the pool.
type taskIndexes struct {
	ByCreator         *indexes.Multi[sdk.AccAddress, uint64, types.Task]
	ByPoolStatus      *indexes.Multi[collections.Pair[uint64, int32], uint64, types.Task]
	ByStatus          *indexes.Multi[int32, uint64, types.Task]
	OpenByReward      *indexes.Multi[collections.Pair[int32, []byte], uint64, types.Task]
	OpenByModelReward *indexes.Multi[collections.Triple[int32, uint64, []byte], uint64, types.Task]
	OpenByBucket      *indexes.Multi[collections.Triple[int32, uint16, []byte], uint64, types.Task]
	OpenByModelBucket *indexes.Multi[collections.Quad[int32, uint64, uint16, []byte], uint64, types.Task]
	OpenByVersion     *indexes.Multi[collections.Quad[int32, uint64, uint64, collections.Pair[uint16, []byte]], uint64, types.Task]
	ClaimQueue        *indexes.Multi[collections.Pair[bool, int64], uint64, types.Task]
	DeadlineQueue     *indexes.Multi[collections.Pair[bool, int64], uint64, types.Task]
}

func (i taskIndexes) IndexesList() []collections.Index[uint64, types.Task] {
	return []collections.Index[uint64, types.Task]{
		i.ByCreator, i.ByPoolStatus, i.ByStatus, i.OpenByReward, i.OpenByModelReward, i.OpenByBucket,
		i.OpenByModelBucket, i.OpenByVersion, i.ClaimQueue, i.DeadlineQueue,
	}
}

// newIndexedTasks declares the tasks and their indexes under prefixes 100 to 110, apart from the
// keeper's. Every task is in pool 1, whose bucket is 0.
func newIndexedTasks(b *testing.B, svc corestore.KVStoreService, cdc codec.BinaryCodec, ac address.Codec) *collections.IndexedMap[uint64, types.Task, taskIndexes] {
	b.Helper()
	sb := collections.NewSchemaBuilder(svc)
	u64, i32, u16, by := collections.Uint64Key, collections.Int32Key, collections.Uint16Key, collections.BytesKey
	bucket := func(types.Task) uint16 { return 0 }
	status := func(t types.Task) int32 { return int32(t.Status) }
	idx := taskIndexes{
		ByCreator: indexes.NewMulti(sb, collections.NewPrefix(101), "by_creator", sdk.AccAddressKey, u64,
			func(_ uint64, t types.Task) (sdk.AccAddress, error) { return ac.StringToBytes(t.Creator) }),
		ByPoolStatus: indexes.NewMulti(sb, collections.NewPrefix(102), "by_pool_status", collections.PairKeyCodec(u64, i32), u64,
			func(_ uint64, t types.Task) (collections.Pair[uint64, int32], error) {
				return collections.Join(t.PoolId, status(t)), nil
			}),
		ByStatus: indexes.NewMulti(sb, collections.NewPrefix(103), "by_status", i32, u64,
			func(_ uint64, t types.Task) (int32, error) { return status(t), nil }),
		OpenByReward: indexes.NewMulti(sb, collections.NewPrefix(104), "open_by_reward", collections.PairKeyCodec(i32, by), u64,
			func(_ uint64, t types.Task) (collections.Pair[int32, []byte], error) {
				return collections.Join(status(t), rewardKey(t.Reward)), nil
			}),
		OpenByModelReward: indexes.NewMulti(sb, collections.NewPrefix(105), "open_by_model_reward", collections.TripleKeyCodec(i32, u64, by), u64,
			func(_ uint64, t types.Task) (collections.Triple[int32, uint64, []byte], error) {
				return collections.Join3(status(t), t.ModelId, rewardKey(t.Reward)), nil
			}),
		OpenByBucket: indexes.NewMulti(sb, collections.NewPrefix(106), "open_by_bucket", collections.TripleKeyCodec(i32, u16, by), u64,
			func(_ uint64, t types.Task) (collections.Triple[int32, uint16, []byte], error) {
				return collections.Join3(status(t), bucket(t), rewardKey(t.Reward)), nil
			}),
		OpenByModelBucket: indexes.NewMulti(sb, collections.NewPrefix(107), "open_by_model_bucket", collections.QuadKeyCodec(i32, u64, u16, by), u64,
			func(_ uint64, t types.Task) (collections.Quad[int32, uint64, uint16, []byte], error) {
				return collections.Join4(status(t), t.ModelId, bucket(t), rewardKey(t.Reward)), nil
			}),
		OpenByVersion: indexes.NewMulti(sb, collections.NewPrefix(108), "open_by_version",
			collections.QuadKeyCodec(i32, u64, u64, collections.PairKeyCodec(u16, by)), u64,
			func(_ uint64, t types.Task) (collections.Quad[int32, uint64, uint64, collections.Pair[uint16, []byte]], error) {
				return collections.Join4(status(t), t.ModelId, t.ModelVersion, collections.Join(bucket(t), rewardKey(t.Reward))), nil
			}),
		ClaimQueue: indexes.NewMulti(sb, collections.NewPrefix(109), "claim_queue", collections.PairKeyCodec(collections.BoolKey, collections.Int64Key), u64,
			func(_ uint64, t types.Task) (collections.Pair[bool, int64], error) {
				if t.Status != types.TASK_STATUS_CLAIMED {
					return collections.Join(false, int64(0)), nil
				}
				return collections.Join(true, t.ClaimExpiry.UnixNano()), nil
			}),
		DeadlineQueue: indexes.NewMulti(sb, collections.NewPrefix(110), "deadline_queue", collections.PairKeyCodec(collections.BoolKey, collections.Int64Key), u64,
			func(_ uint64, t types.Task) (collections.Pair[bool, int64], error) {
				return collections.Join(t.Status.HasDeadline(), t.Deadline.UnixNano()), nil
			}),
	}
	tasks := collections.NewIndexedMap(sb, collections.NewPrefix(100), "tasks", u64, codec.CollValue[types.Task](cdc), idx)
	_, err := sb.Build()
	require.NoError(b, err)
	return tasks
}
