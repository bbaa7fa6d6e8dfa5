package app_test

import (
	"time"

	"github.com/stretchr/testify/require"

	kmultisig "github.com/cosmos/cosmos-sdk/crypto/keys/multisig"
	"github.com/cosmos/cosmos-sdk/crypto/keys/secp256k1"
	cryptotypes "github.com/cosmos/cosmos-sdk/crypto/types"
	"github.com/cosmos/cosmos-sdk/crypto/types/multisig"
	sdk "github.com/cosmos/cosmos-sdk/types"
	"github.com/cosmos/cosmos-sdk/types/tx/signing"
	authsigning "github.com/cosmos/cosmos-sdk/x/auth/signing"
)

// sigTree is how an account signs: one key with a sign mode, or a multisig
// (nested ones included) of which the members listed sign.
type sigTree struct {
	priv *secp256k1.PrivKey
	mode signing.SignMode

	multi   *kmultisig.LegacyAminoPubKey
	signing []*sigTree // the members that sign, each a key of multi
}

func keySigns(seed string, mode signing.SignMode) *sigTree {
	return &sigTree{priv: newSigner(seed).priv, mode: mode}
}

// multisigOf is a threshold-of-len(members) multisig of members, the first
// threshold of which sign.
func multisigOf(threshold int, members ...*sigTree) *sigTree {
	pubs := make([]cryptotypes.PubKey, len(members))
	for i, m := range members {
		pubs[i] = m.pubKey()
	}
	return &sigTree{multi: kmultisig.NewLegacyAminoPubKey(threshold, pubs), signing: members[:threshold]}
}

func (t *sigTree) pubKey() cryptotypes.PubKey {
	if t.multi != nil {
		return t.multi
	}
	return t.priv.PubKey()
}

// data is the tree's signature data; signBytes nil gives the placeholder
// (modes without signatures) that the sign bytes of DIRECT and TEXTUAL cover.
func (t *sigTree) data(signBytes func(signing.SignMode) []byte) (signing.SignatureData, error) {
	if t.multi == nil {
		d := &signing.SingleSignatureData{SignMode: t.mode}
		if signBytes != nil {
			sig, err := t.priv.Sign(signBytes(t.mode))
			if err != nil {
				return nil, err
			}
			d.Signature = sig
		}
		return d, nil
	}
	md := multisig.NewMultisig(len(t.multi.PubKeys))
	for _, m := range t.signing {
		d, err := m.data(signBytes)
		if err != nil {
			return nil, err
		}
		if err := multisig.AddSignatureV2(md, signing.SignatureV2{PubKey: m.pubKey(), Data: d}, t.multi.GetPubKeys()); err != nil {
			return nil, err
		}
	}
	return md, nil
}

// account is a signer of a transaction and how it signs.
type account struct {
	*signer
	how *sigTree
}

func newAccount(how *sigTree) account {
	return account{signer: &signer{addr: sdk.AccAddress(how.pubKey().Address())}, how: how}
}

// signAs builds a transaction of msgs with gas limit gas and no fee, signed
// by accs in the order the transaction lists its signers (the messages'
// signers, then a fee payer when set), each with its own sign modes. Sign
// bytes come from the app's own sign mode handlers (TEXTUAL reads denom
// metadata from the chain's check state).
func (c *abciChain) signAs(gas uint64, feePayer sdk.AccAddress, msgs []sdk.Msg, accs ...account) []byte {
	c.t.Helper()
	return c.signTx(gas, feePayer, msgs, time.Time{}, accs...)
}

// signUnorderedAs is signAs for an unordered transaction valid until
// timeout: sequence 0 for every signer, whose sequences it leaves as they are.
func (c *abciChain) signUnorderedAs(gas uint64, feePayer sdk.AccAddress, msgs []sdk.Msg, timeout time.Time, accs ...account) []byte {
	c.t.Helper()
	return c.signTx(gas, feePayer, msgs, timeout, accs...)
}

// signTx is signAs, unordered when timeout is set.
func (c *abciChain) signTx(gas uint64, feePayer sdk.AccAddress, msgs []sdk.Msg, timeout time.Time, accs ...account) []byte {
	c.t.Helper()
	unordered := !timeout.IsZero()
	txCfg := c.app.TxConfig()
	b := txCfg.NewTxBuilder()
	require.NoError(c.t, b.SetMsgs(msgs...))
	b.SetGasLimit(gas)
	if feePayer != nil {
		b.SetFeePayer(feePayer)
	}
	if unordered {
		b.SetUnordered(true)
		b.SetTimeoutTimestamp(timeout)
	}
	seq := func(a account) uint64 {
		if unordered {
			return 0
		}
		return a.seq
	}
	sigs := make([]signing.SignatureV2, len(accs))
	for i, a := range accs {
		d, err := a.how.data(nil)
		require.NoError(c.t, err)
		sigs[i] = signing.SignatureV2{PubKey: a.how.pubKey(), Data: d, Sequence: seq(a)}
	}
	require.NoError(c.t, b.SetSignatures(sigs...))
	ctx := c.app.NewContext(true)
	for i, a := range accs {
		sd := authsigning.SignerData{
			ChainID: testChainID, AccountNumber: a.number, Sequence: seq(a),
			PubKey: a.how.pubKey(), Address: a.addr.String(),
		}
		d, err := a.how.data(func(mode signing.SignMode) []byte {
			bz, err := authsigning.GetSignBytesAdapter(ctx, txCfg.SignModeHandler(), mode, sd, b.GetTx())
			require.NoError(c.t, err)
			return bz
		})
		require.NoError(c.t, err)
		sigs[i].Data = d
	}
	require.NoError(c.t, b.SetSignatures(sigs...))
	bz, err := txCfg.TxEncoder()(b.GetTx())
	require.NoError(c.t, err)
	if !unordered {
		for _, a := range accs {
			a.seq++
		}
	}
	return bz
}
