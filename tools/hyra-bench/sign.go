package main

import (
	"context"
	"fmt"
	"runtime"
	"sync"
	"time"

	"cosmossdk.io/depinject"
	"cosmossdk.io/log"

	sdkclient "github.com/cosmos/cosmos-sdk/client"
	clienttx "github.com/cosmos/cosmos-sdk/client/tx"
	sdk "github.com/cosmos/cosmos-sdk/types"
	"github.com/cosmos/cosmos-sdk/types/tx/signing"
	authsigning "github.com/cosmos/cosmos-sdk/x/auth/signing"

	"github.com/hyra-network/hyra/app"
	hyracmd "github.com/hyra-network/hyra/cmd/hyrad/cmd"
)

// clientContext is the client context hyrad's CLI builds (codecs, tx
// config), without a node or keyring yet.
func clientContext() (sdkclient.Context, error) {
	var cctx sdkclient.Context
	err := depinject.Inject(depinject.Configs(app.AppConfig(),
		depinject.Supply(log.NewNopLogger()),
		depinject.Provide(hyracmd.ProvideClientContext),
	), &cctx)
	return cctx, err
}

// signTx signs msgs offline as a (SIGN_MODE_DIRECT) with its account number
// and next sequence, which it then increments; or, while a is unordered, as
// an unordered transaction with a's next timeout. Fees are zero: bench
// chains accept zero gas prices.
func signTx(txCfg sdkclient.TxConfig, a *account, gas uint64, msgs ...sdk.Msg) ([]byte, error) {
	b := txCfg.NewTxBuilder()
	if err := b.SetMsgs(msgs...); err != nil {
		return nil, err
	}
	b.SetGasLimit(gas)
	seq := a.seq
	if !a.timeout.IsZero() {
		b.SetUnordered(true)
		b.SetTimeoutTimestamp(a.timeout)
		seq = 0
	}
	pub := a.priv.PubKey()
	mode := signing.SignMode_SIGN_MODE_DIRECT
	empty := signing.SignatureV2{PubKey: pub, Data: &signing.SingleSignatureData{SignMode: mode}, Sequence: seq}
	if err := b.SetSignatures(empty); err != nil {
		return nil, err
	}
	data := authsigning.SignerData{ChainID: benchChainID, AccountNumber: a.number, Sequence: seq, PubKey: pub, Address: a.addr.String()}
	sig, err := clienttx.SignWithPrivKey(context.Background(), mode, data, b, a.priv, txCfg, seq)
	if err != nil {
		return nil, err
	}
	if err := b.SetSignatures(sig); err != nil {
		return nil, err
	}
	bz, err := txCfg.TxEncoder()(b.GetTx())
	if err != nil {
		return nil, err
	}
	if a.timeout.IsZero() {
		a.seq++
	} else {
		a.timeout = a.timeout.Add(time.Nanosecond) // the nonce: unique per account
	}
	return bz, nil
}

// unorderedTimeout is how long after signing the bench's unordered
// transactions stay valid: within the chain's maximum (10 minutes after the
// block time), with a minute to spare for the clocks, and longer than a
// sustained run takes from signing its results to the last block.
const unorderedTimeout = 9 * time.Minute

// signUnordered makes accs sign unordered transactions from now on.
func signUnordered(accs []*account) {
	t := time.Now().Add(unorderedTimeout)
	for _, a := range accs {
		a.timeout = t
	}
}

// signEach signs one transaction per account, in parallel (each account is
// used by one goroutine only): build(i) gives account i's messages.
func signEach(txCfg sdkclient.TxConfig, accs []*account, gas uint64, build func(i int) []sdk.Msg) ([][]byte, error) {
	out := make([][]byte, len(accs))
	errs := make([]error, runtime.NumCPU())
	var wg sync.WaitGroup
	for g := range errs {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := g; i < len(accs); i += len(errs) {
				bz, err := signTx(txCfg, accs[i], gas, build(i)...)
				if err != nil {
					errs[g] = fmt.Errorf("%s: %w", accs[i].name, err)
					return
				}
				out[i] = bz
			}
		}()
	}
	wg.Wait()
	for _, err := range errs {
		if err != nil {
			return nil, err
		}
	}
	return out, nil
}
