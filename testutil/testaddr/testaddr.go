// Package testaddr makes the deterministic account addresses that the
// modules' keeper tests use, so that every fixture names its accounts alike.
package testaddr

import (
	"bytes"
	"testing"

	"cosmossdk.io/core/address"

	addresscodec "github.com/cosmos/cosmos-sdk/codec/address"
	sdk "github.com/cosmos/cosmos-sdk/types"
)

// Codec spells addresses with the chain's "hyra" prefix.
var Codec address.Codec = addresscodec.NewBech32Codec("hyra")

// Filled returns the 20-byte address whose every byte is b: distinct accounts
// that read back in a failing test's output.
func Filled(b byte) sdk.AccAddress { return bytes.Repeat([]byte{b}, 20) }

// Bech32 spells a with the "hyra" prefix, failing t if it cannot.
func Bech32(t testing.TB, a sdk.AccAddress) string {
	t.Helper()
	s, err := Codec.BytesToString(a)
	if err != nil {
		t.Fatalf("bech32 of %x: %v", []byte(a), err)
	}
	return s
}
