package main

import (
	"context"
	"fmt"
	"runtime"
	"sync"

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
// and next sequence, which it then increments. Fees are zero: bench chains
// accept zero gas prices.
func signTx(txCfg sdkclient.TxConfig, a *account, gas uint64, msgs ...sdk.Msg) ([]byte, error) {
	b := txCfg.NewTxBuilder()
	if err := b.SetMsgs(msgs...); err != nil {
		return nil, err
	}
	b.SetGasLimit(gas)
	pub := a.priv.PubKey()
	mode := signing.SignMode_SIGN_MODE_DIRECT
	empty := signing.SignatureV2{PubKey: pub, Data: &signing.SingleSignatureData{SignMode: mode}, Sequence: a.seq}
	if err := b.SetSignatures(empty); err != nil {
		return nil, err
	}
	data := authsigning.SignerData{ChainID: benchChainID, AccountNumber: a.number, Sequence: a.seq, PubKey: pub, Address: a.addr.String()}
	sig, err := clienttx.SignWithPrivKey(context.Background(), mode, data, b, a.priv, txCfg, a.seq)
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
	a.seq++
	return bz, nil
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
