package keeperutil_test

import (
	"errors"
	"fmt"
	"strings"
	"testing"

	"cosmossdk.io/collections"
	errorsmod "cosmossdk.io/errors"
	storetypes "cosmossdk.io/store/types"
	"github.com/stretchr/testify/require"

	addresscodec "github.com/cosmos/cosmos-sdk/codec/address"
	"github.com/cosmos/cosmos-sdk/runtime"
	"github.com/cosmos/cosmos-sdk/testutil"
	sdk "github.com/cosmos/cosmos-sdk/types"

	"github.com/hyra-network/hyra/x/internal/keeperutil"
)

var errInvalid = errorsmod.Register("keeperutil_test", 2, "invalid")

func TestDecodeAddress(t *testing.T) {
	codec := addresscodec.NewBech32Codec("hyra")
	addr := sdk.AccAddress(strings.Repeat("a", 20))
	spelled, err := codec.BytesToString(addr)
	require.NoError(t, err)

	bz, s, err := keeperutil.DecodeAddress(codec, errInvalid, "worker", spelled)
	require.NoError(t, err)
	require.Equal(t, addr, bz)
	require.Equal(t, spelled, s)

	for name, in := range map[string]string{"error - empty": "", "error - malformed": "hyra1nope", "error - other prefix": "cosmos1qyqszqgpqyqszqgpqyqszqgpqyqszqgpjnp7du"} {
		t.Run(name, func(t *testing.T) {
			_, _, err := keeperutil.DecodeAddress(codec, errInvalid, "worker", in)
			require.ErrorIs(t, err, errInvalid)
			require.ErrorContains(t, err, "worker")
		})
	}
}

func TestRunAtomically(t *testing.T) {
	key := storetypes.NewKVStoreKey("test")
	ctx := testutil.DefaultContext(key, storetypes.NewTransientStoreKey("transient"))
	write := func(k string) func(sdk.Context) error {
		return func(c sdk.Context) error { c.KVStore(key).Set([]byte(k), []byte{1}); return nil }
	}

	require.NoError(t, keeperutil.RunAtomically(ctx, write("ok")))
	require.True(t, ctx.KVStore(key).Has([]byte("ok")), "success - the item's writes are kept")

	failed := errors.New("bad item")
	err := keeperutil.RunAtomically(ctx, func(c sdk.Context) error {
		_ = write("failed")(c)
		return failed
	})
	require.ErrorIs(t, err, failed)
	require.False(t, ctx.KVStore(key).Has([]byte("failed")), "error - a failed item writes nothing")

	err = keeperutil.RunAtomically(ctx, func(c sdk.Context) error {
		_ = write("panicked")(c)
		panic("boom")
	})
	require.ErrorContains(t, err, "panic: boom")
	require.False(t, ctx.KVStore(key).Has([]byte("panicked")), "error - a panicking item writes nothing")
}

func TestCheckText(t *testing.T) {
	require.NoError(t, keeperutil.CheckText(errInvalid, "name", "iris", 4))
	for name, in := range map[string]string{
		"error - blank":     " \t",
		"error - not UTF-8": "\xff",
		"error - too long":  "irises",
	} {
		t.Run(name, func(t *testing.T) {
			err := keeperutil.CheckText(errInvalid, "name", in, 4)
			require.ErrorIs(t, err, errInvalid)
			require.ErrorContains(t, err, "name")
		})
	}
}

func TestCheckAuthority(t *testing.T) {
	require.NoError(t, keeperutil.CheckAuthority(errInvalid, "gov", "gov"))
	err := keeperutil.CheckAuthority(errInvalid, "gov", "someone")
	require.ErrorIs(t, err, errInvalid)
	require.ErrorContains(t, err, "expected gov, got someone")
}

func TestValues(t *testing.T) {
	key := storetypes.NewKVStoreKey("test")
	ctx := testutil.DefaultContext(key, storetypes.NewTransientStoreKey("transient"))
	sb := collections.NewSchemaBuilder(runtime.NewKVStoreService(key))
	m := collections.NewMap(sb, collections.NewPrefix(0), "m", collections.Uint64Key, collections.StringValue)
	_, err := sb.Build()
	require.NoError(t, err)

	got, err := keeperutil.Values(ctx, m)
	require.NoError(t, err)
	require.Nil(t, got, "success - an empty collection exports nothing")
	for _, id := range []uint64{3, 1, 2} {
		require.NoError(t, m.Set(ctx, id, fmt.Sprint("v", id)))
	}
	got, err = keeperutil.Values(ctx, m)
	require.NoError(t, err)
	require.Equal(t, []string{"v1", "v2", "v3"}, got, "success - in key order")
}
