// Package apptest runs the real hyrad application in-process for integration
// tests: the modules and wiring of app.AppConfig, one genesis validator, and
// helpers to fund accounts, deliver messages as transactions would, and
// advance blocks so that begin and end blockers run.
package apptest

import (
	"testing"
	"time"

	"cosmossdk.io/depinject"
	"cosmossdk.io/log"
	cmtproto "github.com/cometbft/cometbft/proto/tendermint/types"
	"github.com/stretchr/testify/require"

	"github.com/cosmos/cosmos-sdk/runtime"
	"github.com/cosmos/cosmos-sdk/testutil/sims"
	sdk "github.com/cosmos/cosmos-sdk/types"
	bankkeeper "github.com/cosmos/cosmos-sdk/x/bank/keeper"
	banktestutil "github.com/cosmos/cosmos-sdk/x/bank/testutil"

	"github.com/hyra-network/hyra/app"
	mrkeeper "github.com/hyra-network/hyra/x/modelregistry/keeper"
	tptypes "github.com/hyra-network/hyra/x/taskpool/types"
)

// GenesisTime is the block time of the first block of every test app.
var GenesisTime = time.Date(2026, 1, 1, 0, 0, 0, 0, time.UTC)

// Env is a running test app and the context of its current block.
type Env struct {
	T        testing.TB
	App      *runtime.App
	Ctx      sdk.Context
	Bank     bankkeeper.Keeper
	Registry mrkeeper.Keeper
}

// Setup builds the app and fills extraOutputs (pointers to keepers, as with
// depinject.Inject) from the same container. Its x/modelregistry accepts
// verifying keys uploaded by the model owner (allow_single_party_keys), as
// the tests that register models with the bundled keys need; tests of the
// multi-party setup turn that off with SetSinglePartyKeys(false).
func Setup(t testing.TB, extraOutputs ...any) *Env {
	t.Helper()
	e := &Env{T: t}
	cfg := depinject.Configs(app.AppConfig(), depinject.Supply(log.NewNopLogger()))
	a, err := sims.SetupWithConfiguration(cfg, sims.DefaultStartUpConfig(), append(extraOutputs, &e.Bank, &e.Registry)...)
	require.NoError(t, err)
	e.App = a
	e.Ctx = a.BaseApp.NewContextLegacy(false, cmtproto.Header{
		Height:  a.LastBlockHeight() + 1,
		Time:    GenesisTime,
		ChainID: app.DefaultChainID,
	}).WithChainID(app.DefaultChainID)
	e.SetSinglePartyKeys(true)
	return e
}

// SetSinglePartyKeys sets x/modelregistry's allow_single_party_keys in the
// current block.
func (e *Env) SetSinglePartyKeys(allow bool) {
	e.T.Helper()
	p, err := e.Registry.Params.Get(e.Ctx)
	require.NoError(e.T, err)
	p.AllowSinglePartyKeys = allow
	require.NoError(e.T, e.Registry.Params.Set(e.Ctx, p))
}

// Fund mints coins to addr (through the mint module, as the SDK's tests do).
func (e *Env) Fund(addr sdk.AccAddress, coins sdk.Coins) {
	e.T.Helper()
	require.NoError(e.T, banktestutil.FundAccount(e.Ctx, e.Bank, addr, coins))
}

// Deliver runs msg through the app's message router the way a transaction
// does: all of its writes land, or none do.
func (e *Env) Deliver(msg sdk.Msg) (*sdk.Result, error) {
	e.T.Helper()
	handler := e.App.MsgServiceRouter().Handler(msg)
	require.NotNil(e.T, handler, "no handler for %T", msg)
	cacheCtx, write := e.Ctx.CacheContext()
	res, err := handler(cacheCtx, msg)
	if err != nil {
		return nil, err
	}
	write() // also moves the message's events to e.Ctx
	return res, nil
}

// NextBlock finalizes and commits the current block (running begin and end
// blockers) and moves the context to the next one, dt later.
func (e *Env) NextBlock(dt time.Duration) {
	e.T.Helper()
	ctx, err := sims.NextBlock(e.App, e.Ctx, dt)
	require.NoError(e.T, err)
	e.Ctx = ctx.WithChainID(app.DefaultChainID)
}

// RunFor lets d pass as a live chain does: blocks at most x/taskpool's
// default max_block_gap apart (the last one closer), so that claims age by d.
// NextBlock with a longer dt is an outage of the chain, which claims do not
// pay for.
func (e *Env) RunFor(d time.Duration) {
	e.T.Helper()
	for ; d > tptypes.DefaultMaxBlockGap; d -= tptypes.DefaultMaxBlockGap {
		e.NextBlock(tptypes.DefaultMaxBlockGap)
	}
	e.NextBlock(d)
}

// Balance returns addr's balance of denom.
func (e *Env) Balance(addr sdk.AccAddress, denom string) sdk.Coin {
	return e.Bank.GetBalance(e.Ctx, addr, denom)
}
