package app_test

import (
	"testing"
	"time"

	errorsmod "cosmossdk.io/errors"
	abci "github.com/cometbft/cometbft/abci/types"
	"github.com/stretchr/testify/require"

	"github.com/cosmos/cosmos-sdk/testutil/sims"
	sdk "github.com/cosmos/cosmos-sdk/types"
	sdkerrors "github.com/cosmos/cosmos-sdk/types/errors"

	"github.com/hyra-network/hyra/app"
	"github.com/hyra-network/hyra/app/precheck"
	rewardstypes "github.com/hyra-network/hyra/x/rewards/types"
)

// maxUnorderedTimeout is the SDK's default bound on an unordered
// transaction's timeout, which the app keeps: at most this long after the
// block time.
const maxUnorderedTimeout = 10 * time.Minute

// fund is a message the precheck runs in CheckTx.
func fund(from *signer) sdk.Msg {
	return &rewardstypes.MsgFundRewardPool{Funder: from.addr.String(), Amount: sdk.NewInt64Coin(app.BondDenom, 1)}
}

// TestUnorderedTxOnceWithAndWithoutCheckTx: for every way of signing the app
// accepts, an unordered transaction executes once, and its replays (the same
// bytes again to CheckTx, twice in one block, again in a later block) are
// refused; one whose timeout has passed, or lies beyond the maximum, is
// refused; an ordered transaction still works after it. A node that checked
// the transaction in CheckTx (signature cache warm, precheck run) and a node
// that never saw it (cold) agree on every result's code and gas and on the
// app hash, also with a gas limit just under what the transaction uses.
func TestUnorderedTxOnceWithAndWithoutCheckTx(t *testing.T) {
	to := newSigner("uo-to").addr
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
			msgs := func() []sdk.Msg { return []sdk.Msg{fund(accs[0].signer)} }
			require.True(t, precheck.Prechecked(msgs()[0]))
			unordered := func(gas uint64, msgs []sdk.Msg, timeout time.Time) []byte {
				return warm.signUnorderedAs(gas, payer, msgs, timeout, accs...)
			}
			// both runs the next block on both nodes and requires the same results and app hash.
			both := func(txs ...[]byte) []*abci.ExecTxResult {
				t.Helper()
				w, c := warm.block(true, txs...), cold.block(true, txs...)
				require.Len(t, w, len(c))
				for i := range c {
					requireSameResult(t, w[i], c[i])
				}
				requireSameHash(t, warm, cold)
				return c
			}
			requireRefused := func(code uint32, log string, err *errorsmod.Error, want string) {
				t.Helper()
				require.Equal(t, err.ABCICode(), code, log)
				require.Contains(t, log, want)
			}
			hits := func() uint64 { h, _ := warm.app.SignatureCacheStats(); return h }

			// Sets the public keys (checked on every node) and makes the account sends go to.
			first := warm.signAs(bigLimit, payer, append(msgs(), send(accs[0].signer, to)), accs...)
			warm.deliver(first)
			cold.deliver(first)
			requireSameHash(t, warm, cold)

			tx := unordered(bigLimit, msgs(), warm.time.Add(5*time.Minute))
			require.Zero(t, warm.checkTx(tx).Code, "ante and precheck pass")
			again := warm.checkTx(tx)
			requireRefused(again.Code, again.Log, sdkerrors.ErrInvalidRequest, "already used timeout")

			h0 := hits()
			res := both(tx, tx) // a proposer puts it in twice
			require.Zero(t, res[0].Code, res[0].Log)
			requireRefused(res[1].Code, res[1].Log, sdkerrors.ErrInvalidRequest, "already used timeout")
			if tc.hit {
				require.Equal(t, h0+2, hits(), "both copies spared the signature check")
			} else {
				require.Equal(t, h0, hits())
			}

			res = both(tx) // replayed in a later block
			requireRefused(res[0].Code, res[0].Log, sdkerrors.ErrInvalidRequest, "already used timeout")
			again = warm.checkTx(tx)
			requireRefused(again.Code, again.Log, sdkerrors.ErrInvalidRequest, "already used timeout")

			// A bank send (no precheck, which would refuse it in CheckTx)
			// with a gas limit between what a skipped check would cost and
			// what it costs.
			sendMsgs := []sdk.Msg{send(accs[0].signer, to)}
			full := unordered(bigLimit, sendMsgs, warm.time.Add(5*time.Minute))
			require.Zero(t, warm.checkTx(full).Code)
			gas := both(full)[0]
			require.Zero(t, gas.Code, gas.Log)
			tight := unordered(uint64(gas.GasUsed)-500, sendMsgs, warm.time.Add(6*time.Minute))
			require.Zero(t, warm.checkTx(tight).Code)
			res = both(tight)
			require.Equal(t, sdkerrors.ErrOutOfGas.ABCICode(), res[0].Code, res[0].Log)

			// Checked in time, expired by the block (1 s later).
			late := unordered(bigLimit, msgs(), warm.time.Add(500*time.Millisecond))
			require.Zero(t, warm.checkTx(late).Code)
			res = both(late)
			requireRefused(res[0].Code, res[0].Log, sdkerrors.ErrTxTimeout, "tx timeout")

			expired := unordered(bigLimit, msgs(), warm.time.Add(-time.Second))
			r := warm.checkTx(expired)
			requireRefused(r.Code, r.Log, sdkerrors.ErrTxTimeout, "tx timeout")

			far := unordered(bigLimit, msgs(), warm.time.Add(maxUnorderedTimeout+2*time.Second))
			r = warm.checkTx(far)
			requireRefused(r.Code, r.Log, sdkerrors.ErrInvalidRequest, "ttl exceeds")
			res = both(far)
			requireRefused(res[0].Code, res[0].Log, sdkerrors.ErrInvalidRequest, "ttl exceeds")

			longest := unordered(bigLimit, msgs(), warm.time.Add(maxUnorderedTimeout))
			require.Zero(t, warm.checkTx(longest).Code)
			res = both(longest)
			require.Zero(t, res[0].Code, res[0].Log)

			ordered := warm.signAs(bigLimit, payer, msgs(), accs...)
			require.Zero(t, warm.checkTx(ordered).Code)
			res = both(ordered)
			require.Zero(t, res[0].Code, "the unordered ones left the sequence alone: %s", res[0].Log)
		})
	}
}
