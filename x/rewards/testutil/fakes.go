// Package testutil holds x/rewards' test fakes of the keepers it depends on (x/README.md): a
// stateful bank whose balances branch with the context, x/distribution's community pool and the
// account keeper's module accounts.
package testutil

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

var (
	_ types.BankKeeper         = (*Bank)(nil)
	_ types.DistributionKeeper = (*Distr)(nil)
	_ types.AccountKeeper      = Auth{}
)

// Bank is a stateful stand-in for x/bank, with balances in its own store
// so that they branch and roll back with the context as real balances do; it
// has module accounts by name, blocked addresses, and addresses whose
// transfers fail or panic, so that tests can check that coins move, nothing
// is created or lost, and failures leave no trace.
type Bank struct {
	balances collections.Map[collections.Pair[[]byte, string], math.Int]
	Modules  map[string]bool
	Blocked  map[string]bool
	FailTo   map[string]bool
	PanicTo  map[string]bool
}

// NewBank returns a bank with the module accounts of x/rewards, x/distribution and payer (the
// module that holds task escrow); x/rewards' pools and the community pool are blocked.
func NewBank(key *storetypes.KVStoreKey, payer string) *Bank {
	sb := collections.NewSchemaBuilder(runtime.NewKVStoreService(key))
	b := &Bank{
		balances: collections.NewMap(sb, collections.NewPrefix(0), "balances",
			collections.PairKeyCodec(collections.BytesKey, collections.StringKey), sdk.IntValue),
		Modules: map[string]bool{},
		Blocked: map[string]bool{},
		FailTo:  map[string]bool{},
		PanicTo: map[string]bool{},
	}
	if _, err := sb.Build(); err != nil {
		panic(err)
	}
	for _, m := range []string{payer, types.BondPoolName, types.RewardPoolName, distrtypes.ModuleName} {
		b.Modules[m] = true
	}
	for _, m := range []string{types.BondPoolName, types.RewardPoolName, distrtypes.ModuleName} {
		b.Blocked[string(authtypes.NewModuleAddress(m))] = true
	}
	return b
}

func (b *Bank) module(name string) (sdk.AccAddress, error) {
	if !b.Modules[name] {
		return nil, fmt.Errorf("module account %s does not exist", name)
	}
	return authtypes.NewModuleAddress(name), nil
}

// Set makes addr's balance of c's denom c, out of thin air: for a test's set-up.
func (b *Bank) Set(ctx context.Context, addr sdk.AccAddress, c sdk.Coin) {
	if err := b.balances.Set(ctx, collections.Join([]byte(addr), c.Denom), c.Amount); err != nil {
		panic(err)
	}
}

func (b *Bank) send(ctx context.Context, from, to sdk.AccAddress, amt sdk.Coins) error {
	if b.PanicTo[string(to)] {
		panic("fake bank panics on purpose")
	}
	if b.FailTo[string(to)] {
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
		b.Set(ctx, from, b.GetBalance(ctx, from, c.Denom).Sub(c))
		b.Set(ctx, to, b.GetBalance(ctx, to, c.Denom).Add(c))
	}
	return nil
}

// SendCoinsFromAccountToModule implements types.BankKeeper.
func (b *Bank) SendCoinsFromAccountToModule(ctx context.Context, from sdk.AccAddress, module string, amt sdk.Coins) error {
	to, err := b.module(module)
	if err != nil {
		return err
	}
	return b.send(ctx, from, to, amt)
}

// SendCoinsFromModuleToAccount implements types.BankKeeper.
func (b *Bank) SendCoinsFromModuleToAccount(ctx context.Context, module string, to sdk.AccAddress, amt sdk.Coins) error {
	from, err := b.module(module)
	if err != nil {
		return err
	}
	if b.Blocked[string(to)] {
		return sdkerrors.ErrUnauthorized.Wrapf("%s is not allowed to receive funds", to)
	}
	return b.send(ctx, from, to, amt)
}

// SendCoinsFromModuleToModule implements types.BankKeeper.
func (b *Bank) SendCoinsFromModuleToModule(ctx context.Context, fromModule, toModule string, amt sdk.Coins) error {
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

// GetBalance implements types.BankKeeper.
func (b *Bank) GetBalance(ctx context.Context, addr sdk.AccAddress, d string) sdk.Coin {
	amt, err := b.balances.Get(ctx, collections.Join([]byte(addr), d))
	if errors.Is(err, collections.ErrNotFound) {
		return sdk.NewInt64Coin(d, 0)
	}
	if err != nil {
		panic(err)
	}
	return sdk.NewCoin(d, amt)
}

// BlockedAddr implements types.BankKeeper.
func (b *Bank) BlockedAddr(addr sdk.AccAddress) bool { return b.Blocked[string(addr)] }

// Total is the sum of every balance of denom d: it never changes, as nothing
// is minted or burnt.
func (b *Bank) Total(ctx context.Context, d string) math.Int {
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

// Dump lists every balance in key order, for snapshots.
func (b *Bank) Dump(ctx context.Context) string {
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

// Distr moves community pool funds to the distribution module account,
// as x/distribution does; the community pool is that account's balance.
type Distr struct {
	Bank *Bank
}

// FundCommunityPool implements types.DistributionKeeper.
func (d *Distr) FundCommunityPool(ctx context.Context, amount sdk.Coins, sender sdk.AccAddress) error {
	return d.Bank.SendCoinsFromAccountToModule(ctx, sender, distrtypes.ModuleName, amount)
}

// Auth knows the module accounts of the fake bank.
type Auth struct {
	Bank *Bank
	AC   address.Codec
}

// AddressCodec implements types.AccountKeeper.
func (a Auth) AddressCodec() address.Codec { return a.AC }

// GetModuleAddress implements types.AccountKeeper.
func (a Auth) GetModuleAddress(name string) sdk.AccAddress {
	addr, _ := a.Bank.module(name)
	return addr
}

// GetModuleAccount implements types.AccountKeeper.
func (a Auth) GetModuleAccount(_ context.Context, name string) sdk.ModuleAccountI {
	if !a.Bank.Modules[name] {
		return nil
	}
	return authtypes.NewEmptyModuleAccount(name)
}
