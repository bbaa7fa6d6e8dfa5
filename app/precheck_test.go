package app_test

import (
	"crypto/sha256"
	"fmt"
	"strings"
	"testing"
	"time"

	errorsmod "cosmossdk.io/errors"
	storetypes "cosmossdk.io/store/types"
	abci "github.com/cometbft/cometbft/abci/types"
	"github.com/stretchr/testify/require"

	"github.com/cosmos/cosmos-sdk/testutil/sims"
	sdk "github.com/cosmos/cosmos-sdk/types"
	sdkerrors "github.com/cosmos/cosmos-sdk/types/errors"
	"github.com/cosmos/cosmos-sdk/x/authz"
	banktypes "github.com/cosmos/cosmos-sdk/x/bank/types"

	"github.com/hyra-network/hyra/app"
	"github.com/hyra-network/hyra/app/precheck"
	mrtypes "github.com/hyra-network/hyra/x/modelregistry/types"
	routertypes "github.com/hyra-network/hyra/x/router/types"
	tptypes "github.com/hyra-network/hyra/x/taskpool/types"
	"github.com/hyra-network/hyra/zk/artifact"
	"github.com/hyra-network/hyra/zk/vector"
	"github.com/hyra-network/hyra/zk/zktest"
)

// poolChain is an abciChain with the iris model (id 1, price 1000uhyra)
// registered and pool 1 open for it.
type poolChain struct {
	*abciChain
	owner, client *signer
	price         sdk.Coin
	input         []byte
}

func newPoolChain(t *testing.T, others ...*signer) *poolChain {
	t.Helper()
	owner, client := newSigner("owner"), newSigner("client")
	c := &poolChain{
		abciChain: newABCIChain(t, sims.AppOptionsMap{}, append([]*signer{owner, client}, others...)...), owner: owner, client: client,
		price: sdk.NewInt64Coin(app.BondDenom, 1000), input: vector.Encode(zktest.IrisInputs(t)[0]),
	}
	c.deliver(c.sign(owner, registerIris(t, owner, c.price)))
	c.deliver(c.sign(owner, &tptypes.MsgCreateTaskPool{Creator: owner.addr.String(), Name: "iris", ModelId: 1, ClaimTimeout: 2 * time.Minute}))
	return c
}

func registerIris(t *testing.T, owner *signer, price sdk.Coin) *mrtypes.MsgRegisterModel {
	t.Helper()
	art, vk, _ := zktest.Iris(t)
	a, err := artifact.Parse(art)
	require.NoError(t, err)
	hash := sha256.Sum256(art)
	return &mrtypes.MsgRegisterModel{
		Owner: owner.addr.String(), Name: "iris", Description: "iris species", Price: price, ProofSystem: mrtypes.PROOF_SYSTEM_GROTH16,
		VerifyingKey: vk, Artifact: art, ArtifactHash: hash[:], OutputLength: uint32(a.Output.Length),
		InputSchema: mrtypes.InputSchema{Length: uint32(a.Input.Length), MinValue: a.Input.Min, MaxValue: a.Input.Max},
	}
}

// submit is a task for pool 1 that the chain accepts.
func (c *poolChain) submit() *tptypes.MsgSubmitTask {
	return c.submitAs(c.client)
}

func (c *poolChain) submitAs(s *signer) *tptypes.MsgSubmitTask {
	return &tptypes.MsgSubmitTask{Creator: s.addr.String(), PoolId: 1, Input: c.input, Reward: c.price, Deadline: c.time.Add(time.Hour)}
}

// mistakes are messages a user s gets wrong, each with the error the
// handler gives in a block.
func (c *poolChain) mistakes(t *testing.T, s *signer) []struct {
	name string
	msg  sdk.Msg
	err  *errorsmod.Error
	log  string
} {
	t.Helper()
	wrongDenom, unknownPool, shortTTL, badInput := c.submitAs(s), c.submitAs(s), c.submitAs(s), c.submitAs(s)
	wrongDenom.Reward = sdk.NewInt64Coin("stake", 5000)
	unknownPool.PoolId = 9
	shortTTL.Deadline = c.time.Add(time.Second)
	in := zktest.IrisInputs(t)[0]
	in[0] = 1 << 40
	badInput.Input = vector.Encode(in)
	unknownModel := &routertypes.MsgRouteTask{Creator: s.addr.String(), ModelId: 7, Input: c.input, Reward: c.price, Deadline: c.time.Add(time.Hour)}
	mislabelled := c.submitAs(s)
	mislabelled.InputEncoding = tptypes.VECTOR_ENCODING_UINT8 // INT64 bytes read as 32 UINT8 elements
	compactOutOfRange := &routertypes.MsgRouteTask{
		Creator: s.addr.String(), ModelId: 1, Input: []byte{1, 2, 3, 200},
		InputEncoding: tptypes.VECTOR_ENCODING_UINT8, Reward: c.price, Deadline: c.time.Add(time.Hour),
	}
	return []struct {
		name string
		msg  sdk.Msg
		err  *errorsmod.Error
		log  string
	}{
		{"wrong denom", wrongDenom, tptypes.ErrInvalidReward, "stake"},
		{"unknown pool", unknownPool, tptypes.ErrPoolNotFound, "pool 9"},
		{"ttl below the minimum", shortTTL, tptypes.ErrInvalidDeadline, "the minimum is"},
		{"input outside the schema", badInput, tptypes.ErrInvalidInput, "element"},
		{"unknown model", unknownModel, mrtypes.ErrModelNotFound, "model 7"},
		{"input in another encoding than declared", mislabelled, tptypes.ErrInvalidInput, "32 elements, want 4"},
		{"compact input outside the schema", compactOutOfRange, tptypes.ErrInvalidInput, "element 3 = 200 outside [0, 127]"},
	}
}

// TestCheckTxRefusesUserMistakes: each mistake is refused by CheckTx with the
// handler's own code and message (and no source path), where it used to be
// accepted and fail only in a block; a correct task passes.
func TestCheckTxRefusesUserMistakes(t *testing.T) {
	c := newPoolChain(t)
	for _, tc := range c.mistakes(t, c.client) {
		t.Run(tc.name, func(t *testing.T) {
			res := c.checkTx(c.sign(c.client, tc.msg))
			c.client.seq-- // refused: the sequence was not used
			require.Equal(t, tc.err.ABCICode(), res.Code, res.Log)
			require.Equal(t, tc.err.Codespace(), res.Codespace)
			require.Contains(t, res.Log, tc.log)
			require.Contains(t, res.Log, "would fail in a block; message index: 0")
			require.NotContains(t, res.Log, ".go")
		})
	}
	require.Zero(t, c.checkTx(c.sign(c.client, c.submit())).Code)
}

// TestCheckTxRefusesUndecodableInput: an input encoding the chain does not
// know, or bytes the declared encoding cannot decode, are refused by CheckTx
// (ValidateBasic) with ErrInvalidInput, for both ways of submitting a task.
func TestCheckTxRefusesUndecodableInput(t *testing.T) {
	c := newPoolChain(t)
	unknown := c.submit()
	unknown.InputEncoding = 5
	ragged := &routertypes.MsgRouteTask{
		Creator: c.client.addr.String(), ModelId: 1, Input: []byte{0, 1, 0},
		InputEncoding: tptypes.VECTOR_ENCODING_INT16, Reward: c.price, Deadline: c.time.Add(time.Hour),
	}
	for _, tc := range []struct {
		msg sdk.Msg
		log string
	}{
		{unknown, "input_encoding 5 is unknown; known: VECTOR_ENCODING_INT64 (0), VECTOR_ENCODING_UINT8 (1), VECTOR_ENCODING_INT16 (2)"},
		{ragged, "length 3 is not a multiple of 2 (INT16)"},
	} {
		res := c.checkTx(c.sign(c.client, tc.msg))
		c.client.seq--
		require.Equal(t, tptypes.ErrInvalidInput.ABCICode(), res.Code, res.Log)
		require.Equal(t, tptypes.ErrInvalidInput.Codespace(), res.Codespace)
		require.Contains(t, res.Log, tc.log)
	}
}

// TestCheckTxRefusesTooLittleGas: a gas limit the messages would exceed in a
// block is refused with out of gas.
func TestCheckTxRefusesTooLittleGas(t *testing.T) {
	c := newPoolChain(t)
	res := c.checkTx(c.signWithGas(c.client, 60_000, c.submit()))
	require.Equal(t, sdkerrors.ErrOutOfGas.ABCICode(), res.Code, res.Log)
	require.Contains(t, res.Log, "gas limit of 60000")
}

// TestPrecheckIsBounded: the precheck finds a mistake in a later message of
// a transaction, but spends at most precheck.MaxGas on one: what lies beyond
// is left to the block.
func TestPrecheckIsBounded(t *testing.T) {
	c := newPoolChain(t)
	bad := c.submit()
	bad.PoolId = 9
	res := c.checkTx(c.sign(c.client, c.submit(), bad))
	require.Equal(t, tptypes.ErrPoolNotFound.ABCICode(), res.Code, res.Log)
	require.Contains(t, res.Log, "message index: 1")
	c.client.seq--

	msgs := []sdk.Msg{}
	for range precheck.MaxGas / 50_000 {
		msgs = append(msgs, c.submit())
	}
	res = c.checkTx(c.sign(c.client, append(msgs, bad)...))
	require.Zero(t, res.Code, "the mistake lies beyond the bound: %s", res.Log)
}

// TestPrecheckLeavesNoTrace: a transaction that passes leaves the check state
// and the answer as they were: its effects are discarded (a later
// transaction does not see its pool), and its events are not in the answer.
func TestPrecheckLeavesNoTrace(t *testing.T) {
	c := newPoolChain(t)
	res := c.checkTx(c.sign(c.owner, &tptypes.MsgCreateTaskPool{Creator: c.owner.addr.String(), Name: "second", ModelId: 1, ClaimTimeout: 2 * time.Minute}))
	require.Zero(t, res.Code, res.Log)
	for _, e := range res.Events {
		require.False(t, strings.HasPrefix(e.Type, "hyra."), "event %s leaked from the precheck", e.Type)
	}
	second := c.submit()
	second.PoolId = 2
	res = c.checkTx(c.sign(c.client, second))
	require.Equal(t, tptypes.ErrPoolNotFound.ABCICode(), res.Code, "pool 2 exists only once its transaction is in a block")
	c.client.seq--

	// The transaction's own gas meter and events are untouched.
	tx, err := c.app.TxConfig().TxDecoder()(c.sign(c.client, c.submit()))
	require.NoError(t, err)
	meter := storetypes.NewGasMeter(1_000_000)
	meter.ConsumeGas(40_000, "ante")
	ctx := c.app.NewContext(true).WithGasMeter(meter).WithBlockTime(c.time).WithEventManager(sdk.NewEventManager())
	read := ctx.WithGasMeter(storetypes.NewInfiniteGasMeter())
	balance := c.app.BankKeeper.GetBalance(read, c.client.addr, app.BondDenom)
	require.NoError(t, precheck.Check(ctx, tx, c.app.MsgServiceRouter()))
	require.Equal(t, balance, c.app.BankKeeper.GetBalance(read, c.client.addr, app.BondDenom), "the escrow was not kept")
	require.Equal(t, storetypes.Gas(40_000), meter.GasConsumed())
	require.Empty(t, ctx.EventManager().Events())
}

// TestPrecheckScope: what the precheck does not run passes CheckTx as before.
// It stops at the first message it does not run (a model registration,
// which decodes a verifying key), since later ones may depend on it; it does
// not run in re-checks; and an authz MsgExec of hyra messages is run with
// its grant check.
func TestPrecheckScope(t *testing.T) {
	c := newPoolChain(t)
	poolForModel2 := &tptypes.MsgCreateTaskPool{Creator: c.owner.addr.String(), Name: "two", ModelId: 2, ClaimTimeout: 2 * time.Minute}
	res := c.checkTx(c.sign(c.owner, registerIris(t, c.owner, c.price), poolForModel2))
	require.Zero(t, res.Code, res.Log)

	bad := c.submit()
	bad.PoolId = 9
	badTx := c.sign(c.client, bad)
	recheck, err := c.app.CheckTx(&abci.RequestCheckTx{Tx: badTx, Type: abci.CheckTxType_Recheck})
	require.NoError(t, err)
	require.Zero(t, recheck.Code, "re-checks are left to the ante handler")
	c.client.seq--

	grantee := c.owner
	exec := authz.NewMsgExec(grantee.addr, []sdk.Msg{c.submit()})
	res = c.checkTx(c.sign(grantee, &exec))
	require.Equal(t, authz.ErrNoAuthorizationFound.ABCICode(), res.Code, res.Log)
	require.Equal(t, "authz", res.Codespace)
}

// TestPrecheckDoesNotChangeBlocks: two chains built alike execute the same
// block of good and bad transactions; on one every transaction first went
// through CheckTx (the precheck ran, refusing the bad ones, as another
// proposer may still include them), on the other none did. Codes, gas,
// events, data and the app hash are identical.
func TestPrecheckDoesNotChangeBlocks(t *testing.T) {
	// One signer per transaction: a refused transaction does not use its
	// sequence in CheckTx, so a signer's next one would be refused for that.
	var signers [][]*signer
	for range 2 {
		var ss []*signer
		for i := range 8 {
			ss = append(ss, newSigner(fmt.Sprintf("sender %d", i)))
		}
		signers = append(signers, ss)
	}
	checked, cold := newPoolChain(t, signers[0]...), newPoolChain(t, signers[1]...)
	build := func(c *poolChain, ss []*signer) [][]byte {
		var txs [][]byte
		for i := range 5 {
			txs = append(txs, c.sign(ss[i], c.mistakes(t, ss[i])[i].msg))
		}
		return append(txs, c.signWithGas(ss[5], 60_000, c.submitAs(ss[5])), c.sign(ss[6], c.submitAs(ss[6])),
			c.sign(ss[7], &banktypes.MsgSend{FromAddress: ss[7].addr.String(), ToAddress: c.owner.addr.String(), Amount: sdk.NewCoins(c.price)}))
	}
	txs := build(checked, signers[0])
	require.Equal(t, txs, build(cold, signers[1]), "both chains sign the same transactions")
	var refused []int
	for i, tx := range txs {
		if res := checked.checkTx(tx); res.Code != 0 {
			require.Contains(t, res.Log, "would", "tx %d is refused by the precheck", i)
			refused = append(refused, i)
		}
	}
	require.Equal(t, []int{0, 1, 2, 3, 4, 5}, refused, "the precheck refuses every mistake and only them")

	a, b := checked.block(false, txs...), cold.block(false, txs...)
	require.Len(t, a, len(txs))
	for i := range a {
		require.Equal(t, a[i].Code, b[i].Code, "tx %d", i)
		require.Equal(t, a[i].GasUsed, b[i].GasUsed, "tx %d", i)
		require.Equal(t, a[i].GasWanted, b[i].GasWanted, "tx %d", i)
		require.Equal(t, a[i].Data, b[i].Data, "tx %d", i)
		require.Equal(t, a[i].Events, b[i].Events, "tx %d", i)
		if i < len(refused) {
			require.NotZero(t, a[i].Code, "tx %d: a mistake fails in the block", i)
		} else {
			require.Zero(t, a[i].Code, "tx %d: %s", i, a[i].Log)
		}
	}
	require.Equal(t, checked.app.LastCommitID(), cold.app.LastCommitID())
}
