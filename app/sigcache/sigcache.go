// Package sigcache spares block execution the second check of a
// transaction's signatures. The SDK verifies every signature twice: in
// CheckTx, when the transaction enters the mempool, and again in
// FinalizeBlock, both under the ABCI lock. Cache remembers, by content, the
// transactions whose signatures verified in CheckTx, and when FinalizeBlock
// executes one of them with the same signer state, it runs the SDK's ante
// handler with signature verification off (sdk.Context.IsSigverifyTx, the
// SDK's own switch). Everything else the ante handler does still runs:
// sequence and public-key checks, fees, the signature gas (charged whether
// or not the signature is checked), the sequence increment, and for an
// unordered transaction its timeout checks, nonce gas and nonce (the SDK's
// signature decorator does these before it looks at the switch).
//
// A hit must change nothing but time: some validators have the transaction
// in their cache and others do not (restarted, evicted it, or refused its fee
// in CheckTx), and they must agree on its gas, its outcome and the app hash.
// So the switch may only skip work that charges no gas and reads no state.
// Verifying a signature is pure, but building its sign bytes depends on the
// sign mode: DIRECT, DIRECT_AUX and LEGACY_AMINO_JSON (cosmossdk.io/x/tx's
// direct, directaux and aminojson handlers) encode the transaction bytes and
// the signer data and ignore the context they are given; TEXTUAL renders
// amounts with the bank's denom metadata, read through the transaction's gas
// meter (about 1,000 gas a coin, so a node with a hit would charge less, and
// run out of gas on a tight limit where another does not), and from state
// that can change between CheckTx and the block. A transaction is therefore
// cached only when every signature, down to each member of a (nested)
// multisig, uses one of the three pure modes; any other mode anywhere takes
// the full check on every node.
//
// The key covers every other input of the verification: the transaction
// bytes (body, auth info with sign modes and sequences, signatures), the
// chain id, and each signer's account number and public key as state holds
// them. The same key means the same signatures over the same sign bytes with
// the same keys, which verified, and verification is deterministic.
package sigcache

import (
	"context"
	"crypto/sha256"
	"encoding/binary"
	"sync/atomic"

	storetypes "cosmossdk.io/store/types"

	sdk "github.com/cosmos/cosmos-sdk/types"
	"github.com/cosmos/cosmos-sdk/types/tx/signing"
	authsigning "github.com/cosmos/cosmos-sdk/x/auth/signing"

	"github.com/hyra-network/hyra/internal/fifoset"
)

// Size bounds the cache: a full mempool and a few blocks (about 7 MB).
const Size = 1 << 16

// AccountKeeper reads the accounts whose state the key covers.
type AccountKeeper interface {
	GetAccount(ctx context.Context, addr sdk.AccAddress) sdk.AccountI
}

// Cache is the set of transactions whose signatures verified.
type Cache struct {
	ak           AccountKeeper
	verified     *fifoset.Set
	hits, misses atomic.Uint64
}

// New returns an empty cache reading accounts through ak.
func New(ak AccountKeeper) *Cache { return &Cache{ak: ak, verified: fifoset.New(Size)} }

// Stats reports the hits and misses of FinalizeBlock since the process started.
func (c *Cache) Stats() (hits, misses uint64) { return c.hits.Load(), c.misses.Load() }

// Wrap returns ante with the cache around it: in CheckTx (a new transaction,
// not a re-check or a simulation), a transaction that passes ante is
// remembered; in FinalizeBlock, a remembered one runs ante with signature
// verification off.
func (c *Cache) Wrap(ante sdk.AnteHandler) sdk.AnteHandler {
	return func(ctx sdk.Context, tx sdk.Tx, simulate bool) (sdk.Context, error) {
		if ante == nil {
			return ctx, nil
		}
		if simulate || ctx.BlockHeight() == 0 {
			return ante(ctx, tx, simulate)
		}
		switch ctx.ExecMode() {
		case sdk.ExecModeCheck:
			newCtx, err := ante(ctx, tx, simulate)
			if err == nil && ctx.IsSigverifyTx() {
				if k, ok := c.key(newCtx, tx); ok {
					c.verified.Add(k)
				}
			}
			return newCtx, err
		case sdk.ExecModeFinalize:
			if k, ok := c.key(ctx, tx); ok && c.verified.Has(k) {
				c.hits.Add(1)
				newCtx, err := ante(ctx.WithIsSigverifyTx(false), tx, simulate)
				// The messages run on the context ante returns: give them the switch as it was.
				return newCtx.WithIsSigverifyTx(ctx.IsSigverifyTx()), err
			}
			c.misses.Add(1)
		}
		return ante(ctx, tx, simulate)
	}
}

// key is the content key of tx's signatures in ctx's state; false when a
// signature uses a sign mode that reads state, or a signer has no account or
// no public key yet (its first transaction, whose key the ante handler
// sets), which leaves the check to the SDK.
func (c *Cache) key(ctx sdk.Context, tx sdk.Tx) (k [32]byte, ok bool) {
	sigTx, isSigTx := tx.(authsigning.Tx)
	if !isSigTx || len(ctx.TxBytes()) == 0 || !statelessSignBytes(sigTx) {
		return k, false
	}
	signers, err := sigTx.GetSigners()
	if err != nil || len(signers) == 0 {
		return k, false
	}
	// Reads on a meter of their own: the transaction's gas is what the SDK charges, hit or miss.
	qctx := ctx.WithGasMeter(storetypes.NewInfiniteGasMeter())
	h := sha256.New()
	var n [8]byte
	field := func(b []byte) {
		binary.BigEndian.PutUint64(n[:], uint64(len(b)))
		h.Write(n[:])
		h.Write(b)
	}
	h.Write([]byte("hyra/sigverified/v1"))
	field([]byte(ctx.ChainID()))
	txHash := sha256.Sum256(ctx.TxBytes())
	h.Write(txHash[:])
	for _, s := range signers {
		acc := c.ak.GetAccount(qctx, s)
		if acc == nil || acc.GetPubKey() == nil {
			return k, false
		}
		field(s)
		binary.BigEndian.PutUint64(n[:], acc.GetAccountNumber())
		h.Write(n[:])
		field([]byte(acc.GetPubKey().Type()))
		field(acc.GetPubKey().Bytes())
	}
	h.Sum(k[:0])
	return k, true
}

// statelessSignBytes reports whether every signature of tx, down to each
// member of a (nested) multisig, uses a sign mode whose sign bytes are a
// function of the transaction bytes and the signer data alone (see the
// package doc): only then can skipping the check leave gas and outcome
// untouched.
func statelessSignBytes(tx authsigning.Tx) bool {
	sigs, err := tx.GetSignaturesV2()
	if err != nil {
		return false
	}
	for _, sig := range sigs {
		if !statelessData(sig.Data) {
			return false
		}
	}
	return true
}

func statelessData(data signing.SignatureData) bool {
	switch d := data.(type) {
	case *signing.SingleSignatureData:
		switch d.SignMode {
		case signing.SignMode_SIGN_MODE_DIRECT, signing.SignMode_SIGN_MODE_DIRECT_AUX, signing.SignMode_SIGN_MODE_LEGACY_AMINO_JSON:
			return true
		}
		return false
	case *signing.MultiSignatureData:
		for _, s := range d.Signatures {
			if !statelessData(s) {
				return false
			}
		}
		return true
	}
	return false
}
