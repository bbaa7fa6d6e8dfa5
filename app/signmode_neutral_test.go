package app_test

import (
	"testing"

	abci "github.com/cometbft/cometbft/abci/types"
	"github.com/stretchr/testify/require"

	"github.com/cosmos/cosmos-sdk/testutil/sims"
	sdk "github.com/cosmos/cosmos-sdk/types"
	sdkerrors "github.com/cosmos/cosmos-sdk/types/errors"
	"github.com/cosmos/cosmos-sdk/types/tx/signing"
)

const (
	direct   = signing.SignMode_SIGN_MODE_DIRECT
	aux      = signing.SignMode_SIGN_MODE_DIRECT_AUX
	amino    = signing.SignMode_SIGN_MODE_LEGACY_AMINO_JSON
	textual  = signing.SignMode_SIGN_MODE_TEXTUAL
	bigLimit = 1_000_000 // three bytes as a varint, like the figures near it: same tx size
)

// signModeCases are the ways to sign that the app accepts: each sign mode
// alone, DIRECT_AUX next to the fee payer's DIRECT, and multisigs (nested
// too) with and without a TEXTUAL member. hit says whether the signature
// cache may spare FinalizeBlock the check: only when no sign mode in the
// transaction reads state to build its sign bytes.
var signModeCases = []struct {
	name     string
	accounts func() []account // the transaction's signers, in order; the first sends
	feePayer bool             // the last account pays the fee
	hit      bool
}{
	{"direct", func() []account { return []account{newAccount(keySigns("sm-direct", direct))} }, false, true},
	{"legacy amino json", func() []account { return []account{newAccount(keySigns("sm-amino", amino))} }, false, true},
	{"textual", func() []account { return []account{newAccount(keySigns("sm-textual", textual))} }, false, false},
	{"direct aux", func() []account {
		return []account{newAccount(keySigns("sm-aux", aux)), newAccount(keySigns("sm-aux-payer", direct))}
	}, true, true},
	{"multisig of amino json", func() []account {
		return []account{newAccount(multisigOf(2, keySigns("sm-ms-1", amino), keySigns("sm-ms-2", amino), keySigns("sm-ms-3", amino)))}
	}, false, true},
	{"multisig with a textual member", func() []account {
		return []account{newAccount(multisigOf(2, keySigns("sm-ms-1", amino), keySigns("sm-ms-2", textual), keySigns("sm-ms-3", amino)))}
	}, false, false},
	{"nested multisig with a textual member", func() []account {
		inner := multisigOf(1, keySigns("sm-ms-2", textual), keySigns("sm-ms-3", amino))
		return []account{newAccount(multisigOf(2, keySigns("sm-ms-1", amino), inner))}
	}, false, false},
}

// TestSignModesGasSameWithAndWithoutCheckTx: for every way of signing the
// app accepts, a node that verified a transaction's signatures in CheckTx
// and a node that did not (restarted, evicted it, or refused its fee)
// execute it with the same code, gas and app hash; also with a gas limit
// between what a skipped TEXTUAL check would cost and what the full check
// costs, where a difference would make one node run out of gas and not the
// other.
func TestSignModesGasSameWithAndWithoutCheckTx(t *testing.T) {
	to := newSigner("sm-to").addr
	for _, tc := range signModeCases {
		t.Run(tc.name, func(t *testing.T) {
			accs := tc.accounts()
			signers := make([]*signer, len(accs))
			for i, a := range accs {
				signers[i] = a.signer
			}
			warm := newABCIChain(t, sims.AppOptionsMap{}, signers...)
			cold := newABCIChain(t, sims.AppOptionsMap{}, signers...)
			var payer sdk.AccAddress
			if tc.feePayer {
				payer = accs[len(accs)-1].addr
			}
			sendTx := func(gas uint64) []byte {
				return warm.signAs(gas, payer, []sdk.Msg{send(accs[0].signer, to)}, accs...)
			}

			first := sendTx(bigLimit) // sets the public keys: checked on every node
			warm.deliver(first)
			cold.deliver(first)
			requireSameHash(t, warm, cold)

			tx := sendTx(bigLimit)
			require.Zero(t, warm.checkTx(tx).Code)
			h0, _ := warm.app.SignatureCacheStats()
			w, c := warm.block(true, tx)[0], cold.block(true, tx)[0]
			h1, _ := warm.app.SignatureCacheStats()
			require.Zero(t, c.Code, c.Log)
			requireSameResult(t, w, c)
			requireSameHash(t, warm, cold)
			require.Equal(t, tc.hit, h1 == h0+1, "cache hit")

			tight := sendTx(uint64(c.GasUsed) - 500)
			require.Zero(t, warm.checkTx(tight).Code)
			w, c = warm.block(true, tight)[0], cold.block(true, tight)[0]
			require.Equal(t, sdkerrors.ErrOutOfGas.ABCICode(), c.Code, c.Log)
			requireSameResult(t, w, c)
			requireSameHash(t, warm, cold)
		})
	}
}

// requireSameResult compares what consensus hashes of a transaction's
// result (LastResultsHash covers code, data, gas wanted and gas used).
func requireSameResult(t *testing.T, a, b *abci.ExecTxResult) {
	t.Helper()
	require.Equal(t, b.Code, a.Code, "code: %s | %s", a.Log, b.Log)
	require.Equal(t, b.GasUsed, a.GasUsed, "gas used")
	require.Equal(t, b.GasWanted, a.GasWanted, "gas wanted")
	require.Equal(t, b.Data, a.Data, "data")
}

func requireSameHash(t *testing.T, a, b *abciChain) {
	t.Helper()
	require.Equal(t, b.app.LastCommitID().Hash, a.app.LastCommitID().Hash, "app hash at height %d", a.height)
}
