package client

import (
	"context"
	"errors"
	"sync"
	"testing"
	"time"

	coretypes "github.com/cometbft/cometbft/rpc/core/types"
	cmttypes "github.com/cometbft/cometbft/types"
	"github.com/spf13/pflag"
	"github.com/spf13/viper"
	"github.com/stretchr/testify/require"

	sdkclient "github.com/cosmos/cosmos-sdk/client"
	"github.com/cosmos/cosmos-sdk/client/flags"
	"github.com/cosmos/cosmos-sdk/client/tx"
	"github.com/cosmos/cosmos-sdk/crypto/hd"
	"github.com/cosmos/cosmos-sdk/crypto/keyring"
	sdk "github.com/cosmos/cosmos-sdk/types"
	sdkerrors "github.com/cosmos/cosmos-sdk/types/errors"
	moduletestutil "github.com/cosmos/cosmos-sdk/types/module/testutil"
	"github.com/cosmos/cosmos-sdk/types/tx/signing"
	authsigning "github.com/cosmos/cosmos-sdk/x/auth/signing"
	authtypes "github.com/cosmos/cosmos-sdk/x/auth/types"
	"github.com/cosmos/cosmos-sdk/x/bank"
	banktypes "github.com/cosmos/cosmos-sdk/x/bank/types"
)

// holdingNode takes every broadcast and commits nothing until released.
type holdingNode struct {
	sdkclient.CometRPC
	mu      sync.Mutex
	sent    []cmttypes.Tx
	release chan struct{}
}

func (n *holdingNode) BroadcastTxSync(_ context.Context, tx cmttypes.Tx) (*coretypes.ResultBroadcastTx, error) {
	n.mu.Lock()
	defer n.mu.Unlock()
	n.sent = append(n.sent, tx)
	return &coretypes.ResultBroadcastTx{Hash: tx.Hash()}, nil
}

func (n *holdingNode) Tx(_ context.Context, hash []byte, _ bool) (*coretypes.ResultTx, error) {
	select {
	case <-n.release:
		return &coretypes.ResultTx{Hash: hash, Height: 7}, nil
	default:
		return nil, errors.New("tx not found")
	}
}

func (n *holdingNode) broadcasts() []cmttypes.Tx {
	n.mu.Lock()
	defer n.mu.Unlock()
	return append([]cmttypes.Tx(nil), n.sent...)
}

// knownAccount answers every account query with number 42, sequence 9.
type knownAccount struct{ sdkclient.AccountRetriever }

func (knownAccount) GetAccount(_ sdkclient.Context, addr sdk.AccAddress) (sdkclient.Account, error) {
	return authtypes.NewBaseAccount(addr, nil, 42, 9), nil
}

// TestUnorderedSendsDoNotWaitForEachOther: with --unordered, transactions of
// one sender go out while earlier ones still wait for their block, each
// with sequence 0, the account number, and a timeout of its own about
// --timeout-duration after signing.
func TestUnorderedSendsDoNotWaitForEachOther(t *testing.T) {
	const ttl = 90 * time.Second
	enc, node, cctx, txf := testSender(t)
	addr := cctx.GetFromAddress()
	s := NewSender(cctx, txf.WithUnordered(true).WithTimeoutTimestamp(time.Now().Add(ttl)))
	s.PollInterval = 10 * time.Millisecond

	const n = 3
	start := time.Now()
	errs := make(chan error, n)
	for range n {
		go func() {
			_, err := s.Send(context.Background(), banktypes.NewMsgSend(addr, addr, sdk.NewCoins(sdk.NewInt64Coin("uhyra", 1))))
			errs <- err
		}()
	}
	require.Eventually(t, func() bool { return len(node.broadcasts()) == n }, 5*time.Second, 10*time.Millisecond,
		"every transaction is broadcast before any is committed")
	close(node.release)
	for range n {
		require.NoError(t, <-errs)
	}

	seen := map[int64]bool{}
	for _, bz := range node.broadcasts() {
		decoded, err := enc.TxConfig.TxDecoder()(bz)
		require.NoError(t, err)
		utx := decoded.(sdk.TxWithUnordered)
		require.True(t, utx.GetUnordered())
		timeout := utx.GetTimeoutTimeStamp()
		require.False(t, seen[timeout.UnixNano()], "two transactions share the timeout %s", timeout)
		seen[timeout.UnixNano()] = true
		require.WithinRange(t, timeout, start.Add(ttl), time.Now().Add(ttl))
		sigs, err := decoded.(authsigning.Tx).GetSignaturesV2()
		require.NoError(t, err)
		require.Zero(t, sigs[0].Sequence)
	}
}

// testSender is a node that holds transactions until released, a client
// context and a factory for an account in an in-memory keyring.
func testSender(t *testing.T) (moduletestutil.TestEncodingConfig, *holdingNode, sdkclient.Context, tx.Factory) {
	t.Helper()
	enc := moduletestutil.MakeTestEncodingConfig(bank.AppModuleBasic{})
	kr := keyring.NewInMemory(enc.Codec)
	rec, _, err := kr.NewMnemonic("w", keyring.English, sdk.FullFundraiserPath, keyring.DefaultBIP39Passphrase, hd.Secp256k1)
	require.NoError(t, err)
	addr, err := rec.GetAddress()
	require.NoError(t, err)
	node := &holdingNode{release: make(chan struct{})}
	cctx := sdkclient.Context{}.WithClient(node).WithTxConfig(enc.TxConfig).WithKeyring(kr).WithFromName("w").
		WithFromAddress(addr).WithAccountRetriever(knownAccount{}).WithChainID("hyra-test")
	txf := tx.Factory{}.WithTxConfig(enc.TxConfig).WithKeybase(kr).WithChainID("hyra-test").WithGas(200_000).
		WithSignMode(signing.SignMode_SIGN_MODE_DIRECT)
	return enc, node, cctx, txf
}

// TestTimeoutCountedFromEachTransaction: --timeout-duration without
// --unordered gives each transaction its timeout from when it is signed, not
// from when the program started (a daemon's transactions would all expire
// that long after its start).
func TestTimeoutCountedFromEachTransaction(t *testing.T) {
	const ttl = 90 * time.Second
	enc, node, cctx, txf := testSender(t)
	v := viper.New()
	v.Set(flags.TimeoutDuration, ttl)
	cctx.Viper = v
	started := time.Now().Add(-time.Hour) // the factory was made at the program's start
	s := NewSender(cctx, txf.WithTimeoutTimestamp(started.Add(ttl)))
	close(node.release)
	before := time.Now()
	_, err := s.Send(context.Background(), banktypes.NewMsgSend(cctx.GetFromAddress(), cctx.GetFromAddress(), sdk.NewCoins(sdk.NewInt64Coin("uhyra", 1))))
	require.NoError(t, err)
	decoded, err := enc.TxConfig.TxDecoder()(node.broadcasts()[0])
	require.NoError(t, err)
	require.False(t, decoded.(sdk.TxWithUnordered).GetUnordered())
	require.WithinRange(t, decoded.(sdk.TxWithUnordered).GetTimeoutTimeStamp(), before.Add(ttl), time.Now().Add(ttl))
	sigs, err := decoded.(authsigning.Tx).GetSignaturesV2()
	require.NoError(t, err)
	require.EqualValues(t, 9, sigs[0].Sequence, "ordered: the account's sequence")
}

// TestUnorderedFlagsChecked: --unordered needs a --timeout-duration the chain
// accepts.
func TestUnorderedFlagsChecked(t *testing.T) {
	for _, tc := range []struct {
		args []string
		ok   bool
	}{
		{[]string{"--unordered", "--timeout-duration", "1m"}, true},
		{[]string{"--unordered", "--timeout-duration", "10m"}, true},
		{[]string{"--unordered", "--timeout-duration", "11m"}, false},
		{[]string{"--unordered"}, false},
		{nil, true},
	} {
		fs := pflag.NewFlagSet("t", pflag.ContinueOnError)
		fs.Bool(flags.FlagUnordered, false, "")
		fs.Duration(flags.TimeoutDuration, 0, "")
		require.NoError(t, fs.Parse(tc.args))
		require.Equal(t, tc.ok, checkUnorderedFlags(fs) == nil, "%v", tc.args)
	}
}

// TestUsedNonceIsNotARefusal: a re-broadcast refused because its unordered
// timeout is already used (it was just committed) does not end the wait.
func TestUsedNonceIsNotARefusal(t *testing.T) {
	used := coretypes.ResultBroadcastTx{
		Codespace: sdkerrors.RootCodespace, Code: sdkerrors.ErrInvalidRequest.ABCICode(),
		Log: "failed to add unordered nonce: sender hyra1xyz has already used timeout 1790000000000000000: invalid request",
	}
	s := &Sender{cctx: sdkclient.Context{}.WithClient(lostNode{check: used}), CommitTimeout: rebroadcastAfter + time.Second, PollInterval: 20 * time.Millisecond}
	_, err := s.waitCommit(context.Background(), []byte{0xab}, []byte("tx"))
	require.ErrorContains(t, err, "not committed within")
	require.False(t, IsRejected(err))
}

// TestUnorderedWaitOutlastsTimeout: an unordered transaction is waited for
// until its timeout has passed (it may land until then), however short
// CommitTimeout is.
func TestUnorderedWaitOutlastsTimeout(t *testing.T) {
	s := &Sender{CommitTimeout: time.Minute}
	require.GreaterOrEqual(t, s.unorderedWait(time.Now().Add(5*time.Minute)), 5*time.Minute+unorderedMargin-time.Second)
	require.Equal(t, time.Minute, s.unorderedWait(time.Now().Add(10*time.Second)))
}
