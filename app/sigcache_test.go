package app_test

import (
	"testing"

	"github.com/stretchr/testify/require"

	"github.com/cosmos/cosmos-sdk/testutil/sims"
	sdk "github.com/cosmos/cosmos-sdk/types"
	sdkerrors "github.com/cosmos/cosmos-sdk/types/errors"
	banktypes "github.com/cosmos/cosmos-sdk/x/bank/types"

	"github.com/hyra-network/hyra/app"
)

func send(from *signer, to sdk.AccAddress) sdk.Msg {
	return banktypes.NewMsgSend(from.addr, to, sdk.NewCoins(sdk.NewInt64Coin(app.BondDenom, 1)))
}

// TestSignatureCheckedOnce: a transaction whose signatures CheckTx verified
// executes without a second check, with the same result and gas as on a node
// that never saw it in CheckTx; a signer's first transaction (its public key
// not yet in state) is checked as usual.
func TestSignatureCheckedOnce(t *testing.T) {
	s, s2 := newSigner("sigcache-1"), newSigner("sigcache-1")
	to := newSigner("sigcache-to").addr
	c := newABCIChain(t, sims.AppOptionsMap{}, s)
	cold := newABCIChain(t, sims.AppOptionsMap{}, s2) // never runs CheckTx

	first := c.sign(s, send(s, to))
	require.Zero(t, c.checkTx(first).Code)
	h0, m0 := c.app.SignatureCacheStats()
	c.deliver(first)
	h1, m1 := c.app.SignatureCacheStats()
	require.Equal(t, h0, h1, "the public key is set by this transaction: no hit")
	require.Equal(t, m0+1, m1)
	cold.deliver(cold.sign(s2, send(s2, to)))

	second := c.sign(s, send(s, to))
	require.Equal(t, second, cold.sign(s2, send(s2, to)), "both chains sign the same bytes")
	require.Zero(t, c.checkTx(second).Code)
	warm := c.deliver(second)
	h2, _ := c.app.SignatureCacheStats()
	require.Equal(t, h1+1, h2, "verified in CheckTx: no second check")
	coldRes := cold.deliver(second)
	require.Equal(t, coldRes[0].GasUsed, warm[0].GasUsed, "gas does not depend on the cache")
	require.Equal(t, coldRes[0].Code, warm[0].Code)
}

// TestSignatureCacheNeverPassesABadSignature: a transaction with a broken
// signature is refused in FinalizeBlock even when the same transaction with
// its valid signature passed CheckTx.
func TestSignatureCacheNeverPassesABadSignature(t *testing.T) {
	s := newSigner("sigcache-2")
	to := newSigner("sigcache-to").addr
	c := newABCIChain(t, sims.AppOptionsMap{}, s)
	c.deliver(c.sign(s, send(s, to))) // sets the public key

	good := c.sign(s, send(s, to))
	require.Zero(t, c.checkTx(good).Code)
	bad := append([]byte(nil), good...)
	bad[len(bad)-1] ^= 1 // the last byte is the signature's
	res := c.block(true, bad)
	require.Equal(t, sdkerrors.ErrUnauthorized.ABCICode(), res[0].Code, res[0].Log)
	require.Contains(t, res[0].Log, "signature verification failed")

	// Never seen in CheckTx: checked in FinalizeBlock as always.
	s.seq--
	unseen := c.sign(s, send(s, newSigner("sigcache-other").addr))
	unseen[len(unseen)-1] ^= 1
	res = c.block(true, unseen)
	require.Equal(t, sdkerrors.ErrUnauthorized.ABCICode(), res[0].Code, res[0].Log)
	require.Zero(t, c.block(true, good)[0].Code, "the valid transaction still executes")
}
