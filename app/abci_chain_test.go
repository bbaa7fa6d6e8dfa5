package app_test

import (
	"context"
	"crypto/sha256"
	"encoding/json"
	"testing"
	"time"

	"cosmossdk.io/log"
	abci "github.com/cometbft/cometbft/abci/types"
	"github.com/cometbft/cometbft/crypto/ed25519"
	cmtjson "github.com/cometbft/cometbft/libs/json"
	cmttypes "github.com/cometbft/cometbft/types"
	dbm "github.com/cosmos/cosmos-db"
	"github.com/stretchr/testify/require"

	"github.com/cosmos/cosmos-sdk/baseapp"
	"github.com/cosmos/cosmos-sdk/client/flags"
	clienttx "github.com/cosmos/cosmos-sdk/client/tx"
	"github.com/cosmos/cosmos-sdk/crypto/keys/secp256k1"
	"github.com/cosmos/cosmos-sdk/testutil/sims"
	sdk "github.com/cosmos/cosmos-sdk/types"
	"github.com/cosmos/cosmos-sdk/types/tx/signing"
	authsigning "github.com/cosmos/cosmos-sdk/x/auth/signing"
	authtypes "github.com/cosmos/cosmos-sdk/x/auth/types"
	banktypes "github.com/cosmos/cosmos-sdk/x/bank/types"

	"github.com/hyra-network/hyra/app"
	mrtypes "github.com/hyra-network/hyra/x/modelregistry/types"
)

const testChainID = "hyra-abci-1"

// abciChain is the real application (app.New, as hyrad start builds it)
// driven through its ABCI methods the way CometBFT drives it: CheckTx,
// ProcessProposal, FinalizeBlock, Commit.
type abciChain struct {
	t      testing.TB
	app    *app.App
	height int64
	time   time.Time
	valSet *cmttypes.ValidatorSet

	db       dbm.DB // what restart reopens, with the same options
	opts     sims.AppOptionsMap
	baseOpts []func(*baseapp.BaseApp)
}

// signer is a key with its account number and next sequence.
type signer struct {
	priv   *secp256k1.PrivKey
	addr   sdk.AccAddress
	number uint64
	seq    uint64
}

func newSigner(seed string) *signer {
	sum := sha256.Sum256([]byte(seed))
	priv := &secp256k1.PrivKey{Key: sum[:]}
	return &signer{priv: priv, addr: sdk.AccAddress(priv.PubKey().Address())}
}

// newABCIChain starts a chain at height 1 with one validator (a fixed key,
// so that two chains built alike have the same state) and funded accounts.
func newABCIChain(t testing.TB, opts sims.AppOptionsMap, accs ...*signer) *abciChain {
	t.Helper()
	opts[flags.FlagHome] = t.TempDir()
	return newABCIChainWith(t, opts, []func(*baseapp.BaseApp){baseapp.SetChainID(testChainID)}, accs...)
}

// newABCIChainWith is newABCIChain with the app built with baseOpts (which
// must set the chain id) and opts as they are.
func newABCIChainWith(t testing.TB, opts sims.AppOptionsMap, baseOpts []func(*baseapp.BaseApp), accs ...*signer) *abciChain {
	t.Helper()
	return newABCIChainEdited(t, opts, baseOpts, func(*app.App, map[string]json.RawMessage) {}, accs...)
}

// newABCIChainEdited is newABCIChainWith with edit applied to the genesis
// app state (singlePartyKeysGenesis) before the validator and accounts are added.
func newABCIChainEdited(t testing.TB, opts sims.AppOptionsMap, baseOpts []func(*baseapp.BaseApp),
	edit func(*app.App, map[string]json.RawMessage), accs ...*signer,
) *abciChain {
	t.Helper()
	db := dbm.NewMemDB()
	a, err := app.New(log.NewNopLogger(), db, nil, true, opts, baseOpts...)
	require.NoError(t, err)
	valKey := ed25519.GenPrivKeyFromSecret([]byte("hyra abci test validator"))
	valSet := cmttypes.NewValidatorSet([]*cmttypes.Validator{cmttypes.NewValidator(valKey.PubKey(), 1)})

	var genAccs []authtypes.GenesisAccount
	var balances []banktypes.Balance
	for i, s := range accs {
		s.number = uint64(100 + i)
		genAccs = append(genAccs, authtypes.NewBaseAccount(s.addr, nil, s.number, 0))
		balances = append(balances, banktypes.Balance{Address: s.addr.String(), Coins: sdk.NewCoins(sdk.NewInt64Coin(app.BondDenom, 1_000_000_000_000))})
	}
	gen := singlePartyKeysGenesis(t, a)
	edit(a, gen)
	state, err := sims.GenesisStateWithValSet(a.AppCodec(), gen, valSet, genAccs, balances...)
	require.NoError(t, err)
	stateBytes, err := cmtjson.MarshalIndent(state, "", " ")
	require.NoError(t, err)
	c := &abciChain{t: t, app: a, time: time.Date(2026, 5, 1, 0, 0, 0, 0, time.UTC), valSet: valSet, db: db, opts: opts, baseOpts: baseOpts}
	_, err = a.InitChain(&abci.RequestInitChain{
		ChainId: testChainID, Time: c.time, ConsensusParams: sims.DefaultConsensusParams, AppStateBytes: stateBytes,
	})
	require.NoError(t, err)
	c.block(false)
	return c
}

// block runs the next block with txs: ProcessProposal (when propose is set,
// as every validator does before executing a block), FinalizeBlock, Commit.
func (c *abciChain) block(propose bool, txs ...[]byte) []*abci.ExecTxResult {
	c.t.Helper()
	c.height++
	c.time = c.time.Add(time.Second)
	if propose {
		res, err := c.app.ProcessProposal(&abci.RequestProcessProposal{
			Txs: txs, Height: c.height, Time: c.time,
			NextValidatorsHash: c.valSet.Hash(), ProposerAddress: c.valSet.Proposer.Address,
		})
		require.NoError(c.t, err)
		require.Equal(c.t, abci.ResponseProcessProposal_ACCEPT, res.Status)
	}
	res, err := c.app.FinalizeBlock(&abci.RequestFinalizeBlock{
		Txs: txs, Height: c.height, Time: c.time,
		NextValidatorsHash: c.valSet.Hash(), ProposerAddress: c.valSet.Proposer.Address,
	})
	require.NoError(c.t, err)
	_, err = c.app.Commit()
	require.NoError(c.t, err)
	return res.TxResults
}

// restart stops the node and starts it again on its database, as hyrad does
// after a crash: the new app loads the last committed block and has none of
// the old one's node-local state (verified proofs, decoded keys, signatures,
// suspects, mempool).
func (c *abciChain) restart() {
	c.t.Helper()
	a, err := app.New(log.NewNopLogger(), c.db, nil, true, c.opts, c.baseOpts...)
	require.NoError(c.t, err)
	require.Equal(c.t, c.height, a.LastBlockHeight())
	c.app = a
}

// deliver runs one block of txs (with ProcessProposal) and requires each to succeed.
func (c *abciChain) deliver(txs ...[]byte) []*abci.ExecTxResult {
	c.t.Helper()
	res := c.block(true, txs...)
	for i, r := range res {
		require.Zero(c.t, r.Code, "tx %d: %s", i, r.Log)
	}
	return res
}

func (c *abciChain) checkTx(tx []byte) *abci.ResponseCheckTx {
	c.t.Helper()
	res, err := c.app.CheckTx(&abci.RequestCheckTx{Tx: tx, Type: abci.CheckTxType_New})
	require.NoError(c.t, err)
	return res
}

// sign signs msgs as s, with a fixed generous gas limit and no fee.
func (c *abciChain) sign(s *signer, msgs ...sdk.Msg) []byte {
	c.t.Helper()
	return c.signWithGas(s, 20_000_000, msgs...)
}

// signWithGas signs msgs as s, with the gas limit gas and no fee.
func (c *abciChain) signWithGas(s *signer, gas uint64, msgs ...sdk.Msg) []byte {
	c.t.Helper()
	txCfg := c.app.TxConfig()
	b := txCfg.NewTxBuilder()
	require.NoError(c.t, b.SetMsgs(msgs...))
	b.SetGasLimit(gas)
	mode := signing.SignMode_SIGN_MODE_DIRECT
	pub := s.priv.PubKey()
	require.NoError(c.t, b.SetSignatures(signing.SignatureV2{PubKey: pub, Data: &signing.SingleSignatureData{SignMode: mode}, Sequence: s.seq}))
	data := authsigning.SignerData{ChainID: testChainID, AccountNumber: s.number, Sequence: s.seq, PubKey: pub, Address: s.addr.String()}
	sig, err := clienttx.SignWithPrivKey(context.Background(), mode, data, b, s.priv, txCfg, s.seq)
	require.NoError(c.t, err)
	require.NoError(c.t, b.SetSignatures(sig))
	bz, err := txCfg.TxEncoder()(b.GetTx())
	require.NoError(c.t, err)
	s.seq++
	return bz
}

// singlePartyKeysGenesis is the app's default genesis with x/modelregistry
// accepting the bundled models' single-party keys, which these tests register.
func singlePartyKeysGenesis(t testing.TB, a *app.App) map[string]json.RawMessage {
	t.Helper()
	gen := a.DefaultGenesis()
	var mr mrtypes.GenesisState
	require.NoError(t, a.AppCodec().UnmarshalJSON(gen[mrtypes.ModuleName], &mr))
	mr.Params.AllowSinglePartyKeys = true
	bz, err := a.AppCodec().MarshalJSON(&mr)
	require.NoError(t, err)
	gen[mrtypes.ModuleName] = bz
	return gen
}
