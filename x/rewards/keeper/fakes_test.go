package keeper_test

import (
	"context"
	"errors"
	"fmt"

	"cosmossdk.io/collections"
	"cosmossdk.io/core/address"
	"cosmossdk.io/math"
	storetypes "cosmossdk.io/store/types"

	"github.com/cosmos/cosmos-sdk/runtime"
	sdk "github.com/cosmos/cosmos-sdk/types"
	sdkerrors "github.com/cosmos/cosmos-sdk/types/errors"
	authtypes "github.com/cosmos/cosmos-sdk/x/auth/types"
	distrtypes "github.com/cosmos/cosmos-sdk/x/distribution/types"

	"github.com/hyra-network/hyra/x/rewards/types"
)

// fakeBank is a stateful stand-in for x/bank, with balances in its own store
// so that they branch and roll back with the context as real balances do; it
// has module accounts by name, blocked addresses, and addresses whose
// transfers fail or panic, so that tests can check that coins move, nothing
// is created or lost, and failures leave no trace.
type fakeBank struct {
	balances collections.Map[collections.Pair[[]byte, string], math.Int]
	modules  map[string]bool
	blocked  map[string]bool
	failTo   map[string]bool
	panicTo  map[string]bool
}

func newFakeBank(key *storetypes.KVStoreKey) *fakeBank {
	sb := collections.NewSchemaBuilder(runtime.NewKVStoreService(key))
	b := &fakeBank{
		balances: collections.NewMap(sb, collections.NewPrefix(0), "balances",
			collections.PairKeyCodec(collections.BytesKey, collections.StringKey), sdk.IntValue),
		modules: map[string]bool{},
		blocked: map[string]bool{},
		failTo:  map[string]bool{},
		panicTo: map[string]bool{},
	}
	if _, err := sb.Build(); err != nil {
		panic(err)
	}
	for _, m := range []string{payer, types.BondPoolName, types.RewardPoolName, distrtypes.ModuleName} {
		b.modules[m] = true
	}
	for _, m := range []string{types.BondPoolName, types.RewardPoolName, distrtypes.ModuleName} {
		b.blocked[string(authtypes.NewModuleAddress(m))] = true
	}
	return b
}

func (b *fakeBank) module(name string) (sdk.AccAddress, error) {
	if !b.modules[name] {
		return nil, fmt.Errorf("module account %s does not exist", name)
	}
	return authtypes.NewModuleAddress(name), nil
}

func (b *fakeBank) set(ctx context.Context, addr sdk.AccAddress, c sdk.Coin) {
	if err := b.balances.Set(ctx, collections.Join([]byte(addr), c.Denom), c.Amount); err != nil {
		panic(err)
	}
}

func (b *fakeBank) send(ctx context.Context, from, to sdk.AccAddress, amt sdk.Coins) error {
	if b.panicTo[string(to)] {
		panic("fake bank panics on purpose")
	}
	if b.failTo[string(to)] {
		return fmt.Errorf("fake bank fails on purpose")
	}
	if !amt.IsValid() {
		return sdkerrors.ErrInvalidCoins.Wrap(amt.String())
	}
	for _, c := range amt {
		have := b.GetBalance(ctx, from, c.Denom)
		if have.IsLT(c) {
			return sdkerrors.ErrInsufficientFunds.Wrapf("%s is smaller than %s", have, c)
		}
	}
	for _, c := range amt {
		b.set(ctx, from, b.GetBalance(ctx, from, c.Denom).Sub(c))
		b.set(ctx, to, b.GetBalance(ctx, to, c.Denom).Add(c))
	}
	return nil
}

func (b *fakeBank) SendCoinsFromAccountToModule(ctx context.Context, from sdk.AccAddress, module string, amt sdk.Coins) error {
	to, err := b.module(module)
	if err != nil {
		return err
	}
	return b.send(ctx, from, to, amt)
}

func (b *fakeBank) SendCoinsFromModuleToAccount(ctx context.Context, module string, to sdk.AccAddress, amt sdk.Coins) error {
	from, err := b.module(module)
	if err != nil {
		return err
	}
	if b.blocked[string(to)] {
		return sdkerrors.ErrUnauthorized.Wrapf("%s is not allowed to receive funds", to)
	}
	return b.send(ctx, from, to, amt)
}

func (b *fakeBank) SendCoinsFromModuleToModule(ctx context.Context, fromModule, toModule string, amt sdk.Coins) error {
	from, err := b.module(fromModule)
	if err != nil {
		return err
	}
	to, err := b.module(toModule)
	if err != nil {
		return err
	}
	return b.send(ctx, from, to, amt)
}

func (b *fakeBank) GetBalance(ctx context.Context, addr sdk.AccAddress, d string) sdk.Coin {
	amt, err := b.balances.Get(ctx, collections.Join([]byte(addr), d))
	if errors.Is(err, collections.ErrNotFound) {
		return sdk.NewInt64Coin(d, 0)
	}
	if err != nil {
		panic(err)
	}
	return sdk.NewCoin(d, amt)
}

func (b *fakeBank) BlockedAddr(addr sdk.AccAddress) bool { return b.blocked[string(addr)] }

// total is the sum of every balance of denom d: it never changes, as nothing
// is minted or burnt.
func (b *fakeBank) total(ctx context.Context, d string) math.Int {
	sum := math.ZeroInt()
	err := b.balances.Walk(ctx, nil, func(key collections.Pair[[]byte, string], amt math.Int) (bool, error) {
		if key.K2() == d {
			sum = sum.Add(amt)
		}
		return false, nil
	})
	if err != nil {
		panic(err)
	}
	return sum
}

// dump lists every balance in key order, for snapshots.
func (b *fakeBank) dump(ctx context.Context) string {
	s := ""
	err := b.balances.Walk(ctx, nil, func(key collections.Pair[[]byte, string], amt math.Int) (bool, error) {
		s += fmt.Sprintf("%x=%s%s;", key.K1(), amt, key.K2())
		return false, nil
	})
	if err != nil {
		panic(err)
	}
	return s
}

// fakeDistr moves community pool funds to the distribution module account,
// as x/distribution does; the community pool is that account's balance.
type fakeDistr struct {
	bank *fakeBank
}

func (d *fakeDistr) FundCommunityPool(ctx context.Context, amount sdk.Coins, sender sdk.AccAddress) error {
	return d.bank.SendCoinsFromAccountToModule(ctx, sender, distrtypes.ModuleName, amount)
}

// fakeAuth knows the module accounts of the fake bank.
type fakeAuth struct {
	bank *fakeBank
	ac   address.Codec
}

func (a fakeAuth) AddressCodec() address.Codec { return a.ac }

func (a fakeAuth) GetModuleAddress(name string) sdk.AccAddress {
	addr, _ := a.bank.module(name)
	return addr
}

func (a fakeAuth) GetModuleAccount(_ context.Context, name string) sdk.ModuleAccountI {
	if !a.bank.modules[name] {
		return nil
	}
	return authtypes.NewEmptyModuleAccount(name)
}
