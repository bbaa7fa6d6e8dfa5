package app_test

import (
	"testing"
	"time"

	abci "github.com/cometbft/cometbft/abci/types"
	"github.com/stretchr/testify/require"

	"github.com/cosmos/cosmos-sdk/client/flags"
	"github.com/cosmos/cosmos-sdk/server"
	"github.com/cosmos/cosmos-sdk/testutil/sims"
	sdkerrors "github.com/cosmos/cosmos-sdk/types/errors"

	"github.com/hyra-network/hyra/app"
	tptypes "github.com/hyra-network/hyra/x/taskpool/types"
)

// nodeRun is one node's local state as it meets the scenario's blocks:
// nothing of it is in consensus, and none of it may change a block's
// outcome.
type nodeRun struct {
	name    string
	opts    sims.AppOptionsMap // app.toml
	appToml bool               // build the app from opts as hyrad start does (server.DefaultBaseappOptions)
	checkTx bool               // each transaction went through this node's CheckTx first
	refused bool               // and CheckTx refused every one (fee below this node's minimum gas price)
	propose bool               // ProcessProposal ran before FinalizeBlock
	evict   bool               // the node restarts just before FinalizeBlock: nothing cached, no suspects
	warm    bool               // every valid proof of the block is in the verified-proof cache at FinalizeBlock
	suspect bool               // this node caught worker A with an invalid proof before A's results
	metrics bool               // telemetry on (app.toml): the node records its metrics (app/metrics.go)
}

type blockOutcome struct {
	results []*abci.ExecTxResult
	appHash []byte
}

// TestNodeLocalStateChangesNoOutcome: nodes built from the same genesis
// that differ only in node-local state (the pre-verification mode of
// app.toml, other app.toml settings, whether they saw each transaction in
// CheckTx, ran ProcessProposal, hold a proof in the verified-proof cache,
// or suspect the worker) execute the same blocks, with valid and invalid
// result proofs, with the same code, data and gas for every transaction and
// the same app hash after every block.
func TestNodeLocalStateChangesNoOutcome(t *testing.T) {
	s := newNeutralScenario(t)
	off := func() sims.AppOptionsMap { return sims.AppOptionsMap{app.FlagPreverifyCheckTx: "off"} }
	sync := func() sims.AppOptionsMap { return sims.AppOptionsMap{app.FlagPreverifyCheckTx: "sync"} }
	async := func() sims.AppOptionsMap { return sims.AppOptionsMap{} } // the default
	runs := []nodeRun{
		// The reference: a node catching up executes blocks it never checked, with nothing cached.
		{name: "off, FinalizeBlock only, nothing cached", opts: off(), evict: true},
		{name: "off, FinalizeBlock only, every valid proof cached", opts: off(), warm: true},
		{name: "off, ProcessProposal", opts: off(), propose: true},
		{name: "sync, CheckTx and ProcessProposal", opts: sync(), checkTx: true, propose: true},
		{name: "sync, CheckTx and ProcessProposal, proofs evicted", opts: sync(), checkTx: true, propose: true, evict: true},
		{name: "async, CheckTx and ProcessProposal", opts: async(), checkTx: true, propose: true},
		{name: "async, CheckTx, worker A suspect", opts: async(), checkTx: true, propose: true, suspect: true},
		{name: "async, CheckTx, worker A suspect, proofs evicted", opts: async(), checkTx: true, suspect: true, evict: true},
		{name: "async, CheckTx, worker A suspect, every valid proof cached", opts: async(), checkTx: true, suspect: true, warm: true},
		{name: "async, CheckTx and ProcessProposal, metrics recorded", opts: async(), checkTx: true, propose: true, metrics: true},
		{
			name: "app.toml: fees below the minimum gas price, inter-block cache, IAVL settings, pruning", appToml: true, checkTx: true, refused: true, propose: true,
			opts: sims.AppOptionsMap{
				app.FlagPreverifyCheckTx: "sync", server.FlagMinGasPrices: "1" + app.BondDenom,
				server.FlagInterBlockCache: true, server.FlagIAVLCacheSize: 0, server.FlagDisableIAVLFastNode: true,
				server.FlagPruning: "everything", server.FlagMempoolMaxTxs: 10, server.FlagQueryGasLimit: 1000,
			},
		},
	}
	want := runs[0].execute(t, s)
	invalid := tptypes.ErrInvalidProof.ABCICode()
	for _, b := range []struct {
		block int
		codes []uint32
	}{{blockResultsB, []uint32{invalid, 0, 0}}, {blockResultsA, []uint32{invalid, invalid, 0, 0}}, {blockResultsA + 1, []uint32{0}}} {
		for j, code := range b.codes {
			r := want[b.block].results[j]
			require.Equal(t, code, r.Code, "block %d tx %d: %s", b.block, j, r.Log)
		}
	}
	require.Contains(t, want[blockResultsB].results[3].Log, "authorization not found", "the MsgExec has no grant")
	for i, b := range want {
		for j, r := range b.results {
			t.Logf("block %d tx %d: code %d, gas %d", i, j, r.Code, r.GasUsed)
		}
	}
	for _, r := range runs[1:] {
		t.Run(r.name, func(t *testing.T) {
			got := r.execute(t, s)
			for i := range want {
				require.Len(t, got[i].results, len(want[i].results))
				for j := range want[i].results {
					requireSameResult(t, got[i].results[j], want[i].results[j])
					require.Equal(t, want[i].results[j].Events, got[i].results[j].Events, "block %d tx %d events", i, j)
				}
				require.Equal(t, want[i].appHash, got[i].appHash, "app hash after block %d", i)
			}
		})
	}
}

func (r nodeRun) execute(t *testing.T, s *neutralScenario) (out []blockOutcome) {
	t.Helper()
	var c *abciChain
	if r.appToml {
		r.opts[flags.FlagHome], r.opts[flags.FlagChainID] = t.TempDir(), testChainID
		c = newABCIChainWith(t, r.opts, server.DefaultBaseappOptions(r.opts), s.accs...)
	} else {
		c = newABCIChain(t, r.opts, s.accs...)
	}
	if r.metrics {
		enableTelemetry(t)
		defer func() { requireCounted(t, out) }()
	}
	for i, txs := range s.blocks {
		if r.suspect && i == blockResultsB {
			s.markSuspect(t, c)
		}
		if r.checkTx {
			for _, tx := range txs {
				res := c.checkTx(tx) // accepted or not: this node's business
				if r.refused {
					require.Equal(t, sdkerrors.ErrInsufficientFee.ABCICode(), res.Code, res.Log)
				}
			}
		}
		if r.propose {
			c.processProposal(txs)
		}
		if r.evict {
			c.restart()
		}
		if r.warm {
			for _, it := range s.proofs[i] {
				if it != nil {
					require.NoError(t, c.app.ProofVerifier().Verify(it.VK, it.Proof, it.St))
				}
			}
		}
		res := c.block(false, txs...)
		out = append(out, blockOutcome{results: res, appHash: c.app.LastCommitID().Hash})
	}
	return out
}

// markSuspect has c catch worker A with an invalid proof: its CheckTx
// accepts invalid results of A (handed to the background verifiers) until
// it has learnt, and refuses them from then on.
func (s *neutralScenario) markSuspect(t *testing.T, c *abciChain) {
	t.Helper()
	deadline := time.Now().Add(10 * time.Second)
	for n := uint64(0); ; n++ {
		res := c.checkTx(s.probe(c, n))
		if res.Code == tptypes.ErrInvalidProof.ABCICode() {
			return
		}
		require.Zero(t, res.Code, res.Log)
		require.True(t, time.Now().Before(deadline), "CheckTx never caught worker A")
		time.Sleep(20 * time.Millisecond)
	}
}

// processProposal runs ProcessProposal on txs as the next block, which must
// be accepted; c.block(false, txs...) then executes it.
func (c *abciChain) processProposal(txs [][]byte) {
	c.t.Helper()
	res, err := c.app.ProcessProposal(&abci.RequestProcessProposal{
		Txs: txs, Height: c.height + 1, Time: c.time.Add(time.Second),
		NextValidatorsHash: c.valSet.Hash(), ProposerAddress: c.valSet.Proposer.Address,
	})
	require.NoError(c.t, err)
	require.Equal(c.t, abci.ResponseProcessProposal_ACCEPT, res.Status)
}
