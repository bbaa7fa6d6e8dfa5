package keeper_test

import (
	"testing"
	"time"

	"cosmossdk.io/core/address"
	"cosmossdk.io/math"
	storetypes "cosmossdk.io/store/types"
	"github.com/stretchr/testify/require"

	addresscodec "github.com/cosmos/cosmos-sdk/codec/address"
	"github.com/cosmos/cosmos-sdk/runtime"
	"github.com/cosmos/cosmos-sdk/testutil"
	sdk "github.com/cosmos/cosmos-sdk/types"
	moduletestutil "github.com/cosmos/cosmos-sdk/types/module/testutil"
	authtypes "github.com/cosmos/cosmos-sdk/x/auth/types"
	distrtypes "github.com/cosmos/cosmos-sdk/x/distribution/types"

	"github.com/hyra-network/hyra/testutil/testaddr"
	"github.com/hyra-network/hyra/x/rewards"
	"github.com/hyra-network/hyra/x/rewards/keeper"
	rwtestutil "github.com/hyra-network/hyra/x/rewards/testutil"
	"github.com/hyra-network/hyra/x/rewards/types"
)

const (
	denom = "uhyra"
	// payer is the module account that holds task escrow, as x/taskpool will.
	payer = "taskpool"
)

// t0 is the block time of every fixture's first block.
var t0 = time.Date(2026, 1, 1, 0, 0, 0, 0, time.UTC)

type fixture struct {
	ctx       sdk.Context
	k         keeper.Keeper
	msgs      types.MsgServer
	queries   types.QueryServer
	bank      *rwtestutil.Bank
	distr     *rwtestutil.Distr
	ac        address.Codec
	authority string
	// importKey is a second, empty store for a keeper that imports genesis
	// over the same balances.
	importKey *storetypes.KVStoreKey
	// worker, other and owner start with 1,000 HYRA each.
	worker, other, owner sdk.AccAddress
}

func newFixture(t *testing.T) *fixture {
	t.Helper()
	key := storetypes.NewKVStoreKey(types.StoreKey)
	bankKey := storetypes.NewKVStoreKey("fakebank")
	importKey := storetypes.NewKVStoreKey("import")
	ctx := testutil.DefaultContextWithKeys(map[string]*storetypes.KVStoreKey{
		types.StoreKey: key, "fakebank": bankKey, "import": importKey,
	}, nil, nil).
		WithBlockHeight(1).WithBlockTime(t0).WithGasMeter(storetypes.NewInfiniteGasMeter())
	ac := addresscodec.NewBech32Codec("hyra")

	f := &fixture{
		ctx:       ctx,
		bank:      rwtestutil.NewBank(bankKey, payer),
		importKey: importKey,
		ac:        ac,
		worker:    testaddr.Filled(1),
		other:     testaddr.Filled(2),
		owner:     testaddr.Filled(3),
	}
	f.distr = &rwtestutil.Distr{Bank: f.bank}
	f.authority = f.str(testaddr.Filled(0xAA))
	for _, a := range []sdk.AccAddress{f.worker, f.other, f.owner} {
		f.bank.Set(ctx, a, sdk.NewInt64Coin(denom, 1_000_000_000))
	}
	f.k = f.newKeeper(key)
	f.msgs = keeper.NewMsgServerImpl(f.k)
	f.queries = keeper.NewQueryServerImpl(f.k)
	require.NoError(t, f.k.InitGenesis(ctx, types.DefaultGenesis()))
	return f
}

// newKeeper builds a keeper on the store of key, with the fixture's fakes.
func (f *fixture) newKeeper(key *storetypes.KVStoreKey) keeper.Keeper {
	cdc := moduletestutil.MakeTestEncodingConfig(rewards.AppModule{}).Codec
	return keeper.NewKeeper(cdc, runtime.NewKVStoreService(key), f.ac, rwtestutil.Auth{Bank: f.bank, AC: f.ac}, f.bank, f.distr, f.authority)
}

// str spells an address with the hyra prefix.
func (f *fixture) str(a sdk.AccAddress) string {
	s, err := f.ac.BytesToString(a)
	if err != nil {
		panic(err)
	}
	return s
}

func coin(n int64) sdk.Coin { return sdk.NewInt64Coin(denom, n) }

func (f *fixture) balance(a sdk.AccAddress) int64 {
	return f.bank.GetBalance(f.ctx, a, denom).Amount.Int64()
}

// communityPool is what the community pool has received.
func (f *fixture) communityPool() int64 { return f.moduleBalance(distrtypes.ModuleName) }

// total is the sum of every balance.
func (f *fixture) total() math.Int { return f.bank.Total(f.ctx, denom) }

func (f *fixture) moduleBalance(name string) int64 {
	return f.balance(authtypes.NewModuleAddress(name))
}

// setParams changes params directly in the store.
func (f *fixture) setParams(t *testing.T, change func(*types.Params)) {
	t.Helper()
	p, err := f.k.Params.Get(f.ctx)
	require.NoError(t, err)
	change(&p)
	require.NoError(t, p.Validate())
	require.NoError(t, f.k.Params.Set(f.ctx, p))
}

// bond bonds amount for worker through the msg server.
func (f *fixture) bond(t *testing.T, worker sdk.AccAddress, amount int64) {
	t.Helper()
	_, err := f.msgs.Bond(f.ctx, &types.MsgBond{Worker: f.str(worker), Amount: coin(amount)})
	require.NoError(t, err)
}

// unbond starts unbonding amount for worker.
func (f *fixture) unbond(t *testing.T, worker sdk.AccAddress, amount int64) {
	t.Helper()
	_, err := f.msgs.Unbond(f.ctx, &types.MsgUnbond{Worker: f.str(worker), Amount: coin(amount)})
	require.NoError(t, err)
}

// escrow puts amount into the payer module, as x/taskpool does on SubmitTask.
func (f *fixture) escrow(t *testing.T, amount int64) {
	t.Helper()
	require.NoError(t, f.bank.SendCoinsFromAccountToModule(f.ctx, f.owner, payer, sdk.NewCoins(coin(amount))))
}

// settle escrows amount and settles a task of worker with f.owner as model owner.
func (f *fixture) settle(t *testing.T, worker sdk.AccAddress, amount int64) sdk.Coin {
	t.Helper()
	f.escrow(t, amount)
	share, err := f.k.SettleTask(f.ctx, payer, 1, worker, f.owner, coin(amount))
	require.NoError(t, err)
	f.sendDeferred(t)
	return share
}

// sendDeferred sends the shares settlements deferred, as the end of their
// block does.
func (f *fixture) sendDeferred(t require.TestingT) {
	require.NoError(t, f.k.SendDeferredShares(f.ctx))
}

// endBlock runs EndBlock at the current height and moves to the next block, dt later.
func (f *fixture) endBlock(t *testing.T, dt time.Duration) {
	t.Helper()
	require.NoError(t, f.k.EndBlocker(f.ctx))
	f.ctx = f.ctx.WithBlockHeight(f.ctx.BlockHeight() + 1).WithBlockTime(f.ctx.BlockTime().Add(dt))
}

// toHeight runs end blocks until the context is at height h.
func (f *fixture) toHeight(t *testing.T, h int64) {
	t.Helper()
	for f.ctx.BlockHeight() < h {
		f.endBlock(t, time.Second)
	}
}

// snapshot captures what a failed call must leave untouched: the whole
// module state and every balance.
type snapshot struct {
	state    *types.GenesisState
	balances string
}

func (f *fixture) snapshot(t *testing.T) snapshot {
	t.Helper()
	gs, err := f.k.ExportGenesis(f.ctx)
	require.NoError(t, err)
	return snapshot{state: gs, balances: f.bank.Dump(f.ctx)}
}

// requireEvent checks that the context's event manager holds an event of the given type.
func requireEvent(t *testing.T, ctx sdk.Context, eventType string) {
	t.Helper()
	for _, e := range ctx.EventManager().Events() {
		if e.Type == eventType {
			return
		}
	}
	require.Failf(t, "event not emitted", "no %s among %d events", eventType, len(ctx.EventManager().Events()))
}

// checkInvariants checks that the bond pool holds exactly the bonds, that
// each bond's unbonding is the sum of its entries, and that the reward pool
// holds at least what ended epochs still owe.
func (f *fixture) checkInvariants(t *testing.T) {
	t.Helper()
	f.requireInvariants(t)
}

// requireInvariants is checkInvariants for any test runner (rapid's too).
func (f *fixture) requireInvariants(t require.TestingT) {
	gs, err := f.k.ExportGenesis(f.ctx)
	require.NoError(t, err)
	require.NoError(t, gs.Validate())
	bonded := math.ZeroInt()
	for _, b := range gs.Bonds {
		bonded = bonded.Add(b.Bonded.Amount).Add(b.Unbonding.Amount)
	}
	require.Equal(t, bonded.Int64(), f.moduleBalance(types.BondPoolName), "bond pool balance != sum of bonds")
	owed := math.ZeroInt()
	for _, p := range gs.PendingPayouts {
		owed = owed.Add(p.Amount.Amount.Sub(p.Paid.Amount))
	}
	require.GreaterOrEqual(t, f.moduleBalance(types.RewardPoolName), owed.Int64(), "reward pool cannot pay what it owes")
}
