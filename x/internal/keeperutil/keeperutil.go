// Package keeperutil holds the few helpers every hyra module's keeper shares, so that the four
// modules decode signers, guard their EndBlock work and check names the same way (x/README.md).
package keeperutil

import (
	"context"
	"fmt"
	"strings"
	"unicode/utf8"

	"cosmossdk.io/collections"
	"cosmossdk.io/core/address"
	errorsmod "cosmossdk.io/errors"

	sdk "github.com/cosmos/cosmos-sdk/types"
)

// DecodeAddress parses a message's bech32 address field and returns its bytes and its canonical
// spelling (for state and events). An empty or malformed address is refused with invalid, the
// module's own error, with field named in the message.
func DecodeAddress(codec address.Codec, invalid *errorsmod.Error, field, addr string) (sdk.AccAddress, string, error) {
	bz, err := codec.StringToBytes(addr)
	if err != nil {
		return nil, "", errorsmod.Wrapf(invalid, "%s: %s", field, err)
	}
	if len(bz) == 0 {
		return nil, "", errorsmod.Wrapf(invalid, "%s is empty", field)
	}
	s, err := codec.BytesToString(bz)
	if err != nil {
		return nil, "", errorsmod.Wrapf(invalid, "%s: %s", field, err)
	}
	return bz, s, nil
}

// Values returns every value of m in key order: what a genesis export writes of a collection.
func Values[K, V any](ctx context.Context, m collections.Map[K, V]) ([]V, error) {
	iter, err := m.Iterate(ctx, nil)
	if err != nil {
		return nil, err
	}
	return iter.Values()
}

// CheckAuthority refuses a governance message (a params update) whose signer is not the module's
// authority; invalid is the module's error for it.
func CheckAuthority(invalid *errorsmod.Error, authority, signer string) error {
	if signer != authority {
		return errorsmod.Wrapf(invalid, "expected %s, got %s", authority, signer)
	}
	return nil
}

// RunAtomically runs fn on a cached copy of ctx and writes its changes only when it succeeds; a
// panic becomes an error. EndBlock work runs each item through it, so that one bad item is
// skipped, with nothing half-written, instead of halting the chain. (EndBlock runs with an
// infinite gas meter, so no out-of-gas panic is turned into an error by mistake.)
func RunAtomically(ctx context.Context, fn func(ctx sdk.Context) error) (err error) {
	cacheCtx, write := sdk.UnwrapSDKContext(ctx).CacheContext()
	defer func() {
		if r := recover(); r != nil {
			err = fmt.Errorf("panic: %v", r)
		}
	}()
	if err := fn(cacheCtx); err != nil {
		return err
	}
	write()
	return nil
}

// CheckText checks a user-chosen text field (a name, a description): not blank, valid UTF-8 and at
// most maxBytes long; invalid is the module's error for that field.
func CheckText(invalid *errorsmod.Error, field, s string, maxBytes uint64) error {
	if strings.TrimSpace(s) == "" {
		return errorsmod.Wrapf(invalid, "%s is empty", field)
	}
	if !utf8.ValidString(s) {
		return errorsmod.Wrapf(invalid, "%s is not valid UTF-8", field)
	}
	if n := uint64(len(s)); n > maxBytes {
		return errorsmod.Wrapf(invalid, "%s is %d bytes, the limit is %d", field, n, maxBytes)
	}
	return nil
}
